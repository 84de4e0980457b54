package dev.storesapi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

// No in-memory user with a generated password: the API authenticates with bearer tokens only.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class StoresApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(StoresApiApplication.class, args);
    }
}
