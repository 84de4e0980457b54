package dev.storesapi.support;

import dev.storesapi.auth.AuthService;
import dev.storesapi.catalog.item.ItemService;
import dev.storesapi.catalog.store.StoreService;
import dev.storesapi.catalog.tag.TagService;
import dev.storesapi.user.UserService;
import jakarta.servlet.Filter;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import javax.sql.DataSource;
import org.h2.Driver;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A {@code @WebMvcTest} of every controller behind the real security filter chain (SecurityConfig,
 * the JWT filter, the access rules, a known JWT key) and the real error handling, with the services
 * as Mockito stand-ins that a test autowires to stub. Left out: the API's own servlet filters (rate
 * limits, catalog cache, request syntax), Actuator, springdoc and the /admin/emails routes, whose
 * beans a slice does not have. Every class with this annotation shares one context.
 * auth/SliceTokens signs the tokens of a live login for it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
        "dev\\.storesapi\\.auth\\.(SecurityConfig|JwtConfig)",
        "dev\\.storesapi\\.config\\.(ClockConfig|StrictJsonConfig)",
        "dev\\.storesapi\\.web\\.(ApiExceptionHandler|DatabaseAvailability|EntityTags|ProblemResponder|StrictInputConfig)"}),
        excludeFilters = {
                @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = Filter.class),
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.storesapi\\.mail\\..*")})
@MockitoBean(types = {StoreService.class, ItemService.class, TagService.class, UserService.class, AuthService.class})
@Import(ApiSlice.EmbeddedDataSource.class)
@TestPropertySource(properties = "JWT_SECRET_KEY=" + TestSecrets.JWT_SECRET_KEY)
public @interface ApiSlice {

    /** DatabaseAvailability asks the pool whether the database answers; a real, empty one is enough. */
    @TestConfiguration(proxyBeanMethods = false)
    class EmbeddedDataSource {

        @Bean
        DataSource dataSource() {
            return new SimpleDriverDataSource(new Driver(), "jdbc:h2:mem:api-slice", "sa", "");
        }
    }
}
