package dev.storesapi.auth;

import dev.storesapi.web.Problems;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * The API's one security filter chain: stateless bearer tokens, so no CSRF (no cookies), no HTTP
 * session, no login forms. The authorisation matrix (README "Endpoints", "Authentication") lives here and only here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtService jwt, AuthService auth, Problems problems,
            @Value("${stores.metrics-token:}") String metricsToken) {
        AuthProblems authProblems = new AuthProblems(problems);
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(new JwtAuthenticationFilter(jwt, auth), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(authProblems)
                        .accessDeniedHandler(authProblems))
                .authorizeHttpRequests(requests -> requests
                        // Error pages render errors of requests that were already authorised.
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/register", "/login").permitAll()
                        // The filter only authenticates refresh tokens here, and only here.
                        .requestMatchers(HttpMethod.POST, "/refresh").authenticated()
                        .requestMatchers(HttpMethod.GET, "/user/**").authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/user/**").authenticated()
                        // Metrics describe the whole service (README "Security").
                        .requestMatchers("/actuator/prometheus").access(AccessRules.adminOrMetricsToken(metricsToken))
                        // Operating the service: dead email jobs (README "Registration email").
                        .requestMatchers("/admin/**").access(AccessRules.admin())
                        // Catalog reads, API docs and health are public; unknown GET routes get their 404.
                        // HEAD is a GET without the body; OPTIONS only lists the methods (Allow).
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/item").access(AccessRules.freshToken())
                        .requestMatchers(HttpMethod.DELETE, "/store/*", "/item/*", "/tag/*").access(AccessRules.admin())
                        .requestMatchers(HttpMethod.DELETE, "/user/{user_id}")
                        .access(AccessRules.selfWithFreshTokenOrAdmin("user_id"))
                        // Everything else (catalog writes, links, logout) needs an access token.
                        .anyRequest().authenticated())
                .build();
    }
}
