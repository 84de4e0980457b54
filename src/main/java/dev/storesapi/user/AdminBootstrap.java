package dev.storesapi.user;

import dev.storesapi.error.ConflictException;
import dev.storesapi.error.InvalidConfigurationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the first admin from ADMIN_* at start-up when that user does not exist (docs/api.md "Authentication").
 * Idempotent, and safe when several instances start at once: the unique constraints let exactly
 * one of them insert, and the others see a conflict and carry on.
 */
@ConditionalOnWebApplication
@Component
@EnableConfigurationProperties(AdminProperties.class)
public class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AdminProperties admin;
    private final UserService users;
    private final UserRepository repository;
    private final Validator validator;

    AdminBootstrap(AdminProperties admin, UserService users, UserRepository repository, Validator validator) {
        this.admin = admin;
        this.users = users;
        this.repository = repository;
        this.validator = validator;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAdminExists();
    }

    public void ensureAdminExists() {
        long given = Stream.of(admin.username(), admin.email(), admin.password()).filter(StringUtils::hasText).count();
        if (given == 0) {
            return;
        }
        RegisterRequest request = new RegisterRequest(admin.username(), admin.email(), admin.password());
        Set<ConstraintViolation<RegisterRequest>> violations = validator.validate(request);
        if (given < 3 || !violations.isEmpty()) {
            throw new InvalidConfigurationException("ADMIN_USERNAME, ADMIN_EMAIL and ADMIN_PASSWORD must all be set and "
                    + "valid to create the first admin: " + describe(violations),
                    "Set all three (username 3-80 of [A-Za-z0-9_.-], a valid email, a password of 8-128 characters), "
                            + "or none.");
        }
        repository.findByUsernameKey(User.usernameKey(request.username())).ifPresentOrElse(
                existing -> {
                    if (!existing.isAdmin()) {
                        log.warn("ADMIN_USERNAME '{}' belongs to an existing user without the admin role; "
                                + "leaving it unchanged.", existing.getUsername());
                    }
                },
                () -> create(request));
    }

    private void create(RegisterRequest request) {
        try {
            users.create(request.username(), request.email(), request.password(), Role.ADMIN);
            log.info("Created the admin user '{}'", request.username());
        } catch (ConflictException createdElsewhere) {
            log.info("Admin user '{}' already exists (created by another instance, or the email is taken)",
                    request.username());
        }
    }

    private static String describe(Set<ConstraintViolation<RegisterRequest>> violations) {
        if (violations.isEmpty()) {
            return "some are missing.";
        }
        return violations.stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                .sorted()
                .collect(Collectors.joining("; ")) + ".";
    }
}
