package dev.storesapi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.data.autoconfigure.web.DataWebAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.boot.transaction.jta.autoconfigure.JtaAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Left out: Spring Boot's in-memory user with a generated password (the API authenticates with
 * bearer tokens only), and auto-configurations of things this service never uses, which would
 * only add beans to every start (docs/deploy.md "Spring AOT"): reactive Redis, Thymeleaf views
 * (the email templates have their own engine, mail/EmailRenderer), Spring Data's web binding (the
 * controllers read page and size themselves), JdbcClient, SQL script initialisation (Flyway owns
 * the schema) and JTA.
 */
@SpringBootApplication(exclude = {UserDetailsServiceAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class,
        ThymeleafAutoConfiguration.class, DataWebAutoConfiguration.class, JdbcClientAutoConfiguration.class,
        DataSourceInitializationAutoConfiguration.class, JtaAutoConfiguration.class})
public class StoresApiApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(StoresApiApplication.class, args);
        if ("migrate".equals(context.getEnvironment().getProperty("stores.role"))) {
            // APP_ROLE=migrate: Flyway has migrated while the context started; nothing else to do.
            System.exit(SpringApplication.exit(context));
        }
    }
}
