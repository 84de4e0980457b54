package dev.storesapi.user;

import dev.storesapi.support.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migration V4 on both databases the service runs on: accounts registered before it whose names
 * differ only in case keep working (the oldest keeps its name, later ones get "-<id>"), and from
 * then on the database itself refuses such a pair.
 */
class UsernameKeyMigrationIT {

    @Test
    void onPostgresql() throws SQLException {
        migrateAndCheck(TestPostgres.jdbcUrl(TestPostgres.newDatabase("v4")), "postgres", "postgres");
    }

    @Test
    void onTheEmbeddedH2(@TempDir Path dataDir) throws SQLException {
        assertThat(Files.isDirectory(dataDir)).isTrue();
        String url = "jdbc:h2:file:" + dataDir.resolve("stores")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        migrateAndCheck(url, "sa", "");
    }

    private static void migrateAndCheck(String url, String user, String password) throws SQLException {
        flyway(url, user, password).target("3").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            for (String name : List.of("Jose", "jose", "JOSE", "maria")) {
                statement.execute("insert into users (username, email, email_key, password_hash, role, created_at) "
                        + "values ('" + name + "', '" + name + "@example.com', '" + name.toLowerCase() + "."
                        + name.length() + name.hashCode() + "@example.com', 'x', 'USER', current_timestamp)");
            }
        }

        flyway(url, user, password).load().migrate();

        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select id, username, username_key from users order by id")) {
                while (rows.next()) {
                    names.add(rows.getString("username") + "|" + rows.getString("username_key"));
                }
            }
            assertThat(names).hasSize(4);
            assertThat(names.get(0)).isEqualTo("Jose|jose");
            assertThat(names.get(1)).matches("jose~\\d+\\|jose~\\d+");
            assertThat(names.get(2)).matches("JOSE~\\d+\\|jose~\\d+");
            assertThat(names.get(3)).isEqualTo("maria|maria");
            assertThatThrownBy(() -> statement.execute("insert into users (username, username_key, email, email_key, "
                    + "password_hash, role, created_at) values ('MARIA', 'maria', 'm2@example.com', 'm2@example.com', "
                    + "'x', 'USER', current_timestamp)")).isInstanceOf(SQLException.class);
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url, String user,
            String password) {
        return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration");
    }
}
