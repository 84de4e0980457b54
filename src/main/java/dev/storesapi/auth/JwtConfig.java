package dev.storesapi.auth;

import dev.storesapi.error.InvalidConfigurationException;
import java.time.Clock;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JwtProperties.class)
class JwtConfig {

    private static final Logger log = LoggerFactory.getLogger(JwtConfig.class);

    @Bean
    JwtService jwtService(JwtProperties properties, Environment environment, Clock clock) {
        return new JwtService(signingKey(properties, environment), properties, clock);
    }

    private static SecretKey signingKey(JwtProperties properties, Environment environment) {
        if (StringUtils.hasText(properties.secretKey())) {
            return JwtSigningKey.fromSecret(properties.secretKey());
        }
        // The worker role (no web server) issues and checks no tokens, so it needs no key.
        boolean servesHttp = !"none".equalsIgnoreCase(environment.getProperty("spring.main.web-application-type"));
        if (servesHttp && environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new InvalidConfigurationException("JWT_SECRET_KEY is not set, and the prod profile requires it.",
                    "Set JWT_SECRET_KEY to at least 32 random bytes, e.g. the output of: openssl rand -base64 32");
        }
        if (!servesHttp) {
            return JwtSigningKey.random();
        }
        log.warn("JWT_SECRET_KEY is not set: using a random key. Tokens stop working when this process stops "
                + "and are not accepted by other instances. Set JWT_SECRET_KEY for anything but a local trial.");
        return JwtSigningKey.random();
    }
}
