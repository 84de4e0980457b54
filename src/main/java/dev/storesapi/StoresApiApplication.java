package dev.storesapi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

// No in-memory user with a generated password: the API authenticates with bearer tokens only.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class StoresApiApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(StoresApiApplication.class, args);
        if ("migrate".equals(context.getEnvironment().getProperty("stores.role"))) {
            // APP_ROLE=migrate: Flyway has migrated while the context started; nothing else to do.
            System.exit(SpringApplication.exit(context));
        }
    }
}
