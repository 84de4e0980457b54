package dev.storesapi.user;

import dev.storesapi.error.InvalidConfigurationException;
import dev.storesapi.support.Accounts;
import dev.storesapi.support.IntegrationTest;
import dev.storesapi.support.TestSecrets;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AdminBootstrapIT {

    @Autowired
    AdminBootstrap bootstrap;

    @Autowired
    UserService users;

    @Autowired
    UserRepository repository;

    @Autowired
    Validator validator;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Accounts accounts;

    @Test
    void createdTheAdminFromEnvironmentAtStartUp() {
        assertThat(jdbc.queryForObject("select role from users where username = ?", String.class,
                TestSecrets.ADMIN_USERNAME)).isEqualTo("ADMIN");
        assertThat(accounts.admin().get("/user/me").json().get("email").asString()).isEqualTo(TestSecrets.ADMIN_EMAIL);
    }

    @Test
    void runningAgainChangesNothing() {
        bootstrap.ensureAdminExists();
        bootstrap.ensureAdminExists();

        assertThat(jdbc.queryForObject("select count(*) from users where username = ?", Integer.class,
                TestSecrets.ADMIN_USERNAME)).isEqualTo(1);
    }

    @Test
    void twoInstancesStartingAtOnceCreateOneAdmin() throws Exception {
        String name = "boss_" + UUID.randomUUID().toString().substring(0, 8);
        AdminProperties settings = new AdminProperties(name, name + "@example.com", "a strong admin password");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        try (ExecutorService instances = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                AdminBootstrap instance = new AdminBootstrap(settings, users, repository, validator);
                runs.add(instances.submit(() -> {
                    start.await();
                    instance.ensureAdminExists();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        }

        assertThat(jdbc.queryForList("select role from users where username = ?", String.class, name))
                .containsExactly("ADMIN");
    }

    @Test
    void refusesToStartWithPartialOrInvalidAdminSettings() {
        AdminBootstrap partial = new AdminBootstrap(new AdminProperties("boss", null, null), users, repository, validator);
        AdminBootstrap weak = new AdminBootstrap(new AdminProperties("boss", "boss@example.com", "short"), users,
                repository, validator);

        assertThatThrownBy(partial::ensureAdminExists).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("ADMIN_USERNAME, ADMIN_EMAIL and ADMIN_PASSWORD must all be set");
        assertThatThrownBy(weak::ensureAdminExists).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("password size must be between 8 and 128")
                .hasMessageNotContaining("short");
    }

    @Test
    void withoutSettingsDoesNothing() {
        long before = repository.count();

        new AdminBootstrap(new AdminProperties(null, "", null), users, repository, validator).ensureAdminExists();

        assertThat(repository.count()).isEqualTo(before);
    }
}
