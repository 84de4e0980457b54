package dev.storesapi.auth;

import dev.storesapi.web.ProblemResponder;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * The API's one security filter chain: stateless bearer tokens, so no CSRF (no cookies), no HTTP
 * session, no login forms. It enforces the routes of {@link AccessPolicy} (docs/api.md "Endpoints",
 * "Authentication").
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(AuthProperties.class)
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtService jwt, AuthService auth, ProblemResponder problems,
            AuthProperties properties) {
        String metricsToken = properties.metricsToken();
        AuthProblems authProblems = new AuthProblems(problems);
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(new JwtAuthenticationFilter(jwt, auth, problems), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(authProblems)
                        .accessDeniedHandler(authProblems))
                .authorizeHttpRequests(requests -> {
                    // Error pages render errors of requests that were already authorised.
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    AccessPolicy.actuator().forEach(endpoint ->
                            enforce(requests.requestMatchers(endpoint.getKey()), endpoint.getValue(), metricsToken));
                    AccessPolicy.ROUTES.forEach(route ->
                            enforce(requests.requestMatchers(route.requests()), route.access(), metricsToken));
                })
                .build();
    }

    private static void enforce(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url,
            AccessPolicy.Access access, String metricsToken) {
        switch (access) {
            case PUBLIC -> url.permitAll();
            // POST /refresh: the filter authenticates refresh tokens there, and only there.
            case TOKEN, REFRESH_TOKEN -> url.authenticated();
            case FRESH_TOKEN -> url.access(AccessRules.freshToken());
            case ADMIN -> url.access(AccessRules.admin());
            case SELF_WITH_FRESH_TOKEN_OR_ADMIN -> url.access(AccessRules.selfWithFreshTokenOrAdmin("user_id"));
            case ADMIN_OR_METRICS_TOKEN -> url.access(AccessRules.adminOrMetricsToken(metricsToken));
        }
    }
}
