package dev.storesapi.user;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin, created at start-up when all three are set and the user does not exist.
 *
 * @param username the admin's username (ADMIN_USERNAME)
 * @param email    the admin's email (ADMIN_EMAIL)
 * @param password the admin's password (ADMIN_PASSWORD)
 */
@ConfigurationProperties("admin")
public record AdminProperties(String username, String email, String password) {

    @Override
    public String toString() {
        return "AdminProperties[username=" + username + ", email=" + email + ", password=***]";
    }
}
