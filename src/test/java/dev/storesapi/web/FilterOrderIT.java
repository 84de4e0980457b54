package dev.storesapi.web;

import dev.storesapi.support.IntegrationTest;
import jakarta.servlet.Filter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.RegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializerBeans;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.FilterChainProxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet filters run in the order of {@link FilterOrder}, between Spring Boot's own, and no two
 * share an order value: filters with the same value run in no defined order (a refusal that ran before
 * the observation filter was missing from http.server.requests).
 */
@IntegrationTest
class FilterOrderIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    FilterChainProxy security;

    @Test
    void servletFiltersRunInTheirDocumentedOrderEachAtAnOrderOfItsOwn() {
        // Sorted as Boot sorts them when it registers them with Tomcat.
        List<AbstractFilterRegistrationBean<?>> filters = new ServletContextInitializerBeans(context).stream()
                .filter(AbstractFilterRegistrationBean.class::isInstance)
                .<AbstractFilterRegistrationBean<?>>map(AbstractFilterRegistrationBean.class::cast)
                .toList();

        assertThat(filters).extracting(AbstractFilterRegistrationBean::getFilterName).containsExactly(
                "characterEncodingFilter",
                "webMvcObservationFilter",
                "requestBodyLimitFilter",
                "requestSyntaxFilter",
                "rateLimitFilter",
                "formContentFilter",
                "requestContextFilter",
                "dev.storesapi.support.RequestStatements", // the tests' own: counts a request's SQL statements
                "springSecurityFilterChain",
                "actuatorNotFoundFilter",
                "catalogCacheFilter",
                "idempotencyFilter");
        assertThat(filters).extracting(RegistrationBean::getOrder).isSorted().doesNotHaveDuplicates();
        assertThat(filters).filteredOn(filter -> filter.getFilterName().equals("webMvcObservationFilter"))
                .extracting(RegistrationBean::getOrder).containsExactly(FilterOrder.OBSERVATION);
    }

    /** The filters inside springSecurityFilterChain: the application's own JwtAuthenticationFilter among them. */
    @Test
    void securityChainAuthenticatesBearerTokensAfterWritingItsHeaders() {
        assertThat(security.getFilterChains()).singleElement().satisfies(chain ->
                assertThat(chain.getFilters()).extracting(Filter::getClass).extracting(Class::getSimpleName)
                        .containsExactly(
                                "DisableEncodeUrlFilter",
                                "WebAsyncManagerIntegrationFilter",
                                "SecurityContextHolderFilter",
                                "HeaderWriterFilter",
                                "JwtAuthenticationFilter",
                                "SecurityContextHolderAwareRequestFilter",
                                "AnonymousAuthenticationFilter",
                                "SessionManagementFilter",
                                "ExceptionTranslationFilter",
                                "AuthorizationFilter"));
    }
}
