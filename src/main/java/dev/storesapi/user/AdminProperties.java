package dev.storesapi.user;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** ADMIN_USERNAME, ADMIN_EMAIL, ADMIN_PASSWORD: the first admin, created at start-up when absent. */
@ConfigurationProperties("admin")
public record AdminProperties(String username, String email, String password) {

    @Override
    public String toString() {
        return "AdminProperties[username=" + username + ", email=" + email + ", password=***]";
    }
}
