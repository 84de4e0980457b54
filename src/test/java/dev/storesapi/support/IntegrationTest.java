package dev.storesapi.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port against the shared embedded PostgreSQL, with a known JWT
 * key, an admin (TestSecrets) and fast password hashing (FastPasswordHashing). Every class with
 * this annotation shares one application context; tests make their own uniquely named data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.jpa.properties.hibernate.session_factory.statement_inspector=dev.storesapi.support.RequestStatements",
        "JWT_SECRET_KEY=" + TestSecrets.JWT_SECRET_KEY,
        "ADMIN_USERNAME=" + TestSecrets.ADMIN_USERNAME,
        "ADMIN_EMAIL=" + TestSecrets.ADMIN_EMAIL,
        "ADMIN_PASSWORD=" + TestSecrets.ADMIN_PASSWORD,
        // Every test signs up and in from 127.0.0.1; the per-username limit keeps its default.
        "RATE_LIMIT_LOGIN_PER_IP=1000000/1m",
        "RATE_LIMIT_REGISTER_PER_IP=1000000/1m",
        "RATE_LIMIT_REFRESH_PER_IP=1000000/1m",
        // Tests send bursts of sign-ups on a busy CI machine; the 503 after a short wait is
        // auth/LoginFloodIT's subject, not theirs.
        "PASSWORD_HASH_WAIT=30s"
})
@ContextConfiguration(initializers = PostgresInitializer.class)
@Import({ApiClient.class, Accounts.class, Catalog.class, AdminApiConfiguration.class, FastPasswordHashing.class,
        RequestStatements.class})
public @interface IntegrationTest {
}
