package dev.storesapi.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DatabaseUrlTest {

    @Test
    void splitsCredentialsOutOfRenderStyleUrl() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://stores:s3cret@dpg-abc.oregon-postgres.render.com:5432/stores_db");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://dpg-abc.oregon-postgres.render.com:5432/stores_db");
        assertThat(url.username()).isEqualTo("stores");
        assertThat(url.password()).isEqualTo("s3cret");
    }

    @Test
    void acceptsPostgresqlScheme() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@db:6543/app");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:6543/app");
        assertThat(url.username()).isEqualTo("u");
        assertThat(url.password()).isEqualTo("p");
    }

    @Test
    void keepsQueryParameters() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://u:p@db/app?sslmode=require&connectTimeout=10");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db/app?sslmode=require&connectTimeout=10");
    }

    @Test
    void decodesUrlEncodedCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app%40team:p%40ss%3Aw%2Frd+1%25@db:5432/app");

        assertThat(url.username()).isEqualTo("app@team");
        assertThat(url.password()).isEqualTo("p@ss:w/rd+1%");
    }

    @Test
    void acceptsUserWithoutPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://reader@db/app");

        assertThat(url.username()).isEqualTo("reader");
        assertThat(url.password()).isNull();
    }

    @Test
    void acceptsUrlWithoutCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://localhost/app");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/app");
        assertThat(url.username()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void takesCredentialsOutOfAJdbcUrlSoThatTheLoggedUrlHasNone() {
        DatabaseUrl url = DatabaseUrl.parse("  jdbc:postgresql://db:5432/app?user=u&password=s%26cret+x&sslmode=require  ");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app?sslmode=require");
        assertThat(url.username()).isEqualTo("u");
        assertThat(url.password()).isEqualTo("s&cret x");
    }

    @Test
    void takesCredentialsOutOfAJdbcUrlThatUriCannotParseAHostOf() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db1:5432,db2:5432/app?password=s3cret&user=u&targetServerType=primary");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db1:5432,db2:5432/app?targetServerType=primary");
        assertThat(url.username()).isEqualTo("u");
        assertThat(url.password()).isEqualTo("s3cret");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://db_primary/app?password=p").jdbcUrl())
                .isEqualTo("jdbc:postgresql://db_primary/app");
    }

    @Test
    void passesPlainJdbcUrlWithoutCredentialsThroughUntouched() {
        String jdbc = "jdbc:postgresql://db:5432/app?sslmode=require";

        DatabaseUrl url = DatabaseUrl.parse("  " + jdbc + "  ");

        assertThat(url.jdbcUrl()).isEqualTo(jdbc);
        assertThat(url.username()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void splitsCredentialsOutOfJdbcUrlToo() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://u:p%21@db:5432/app?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app?sslmode=require");
        assertThat(url.username()).isEqualTo("u");
        assertThat(url.password()).isEqualTo("p!");
    }

    @Test
    void acceptsIpv6Host() {
        assertThat(DatabaseUrl.parse("postgres://u:p@[::1]:5432/app").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/app");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://u:p@db/app", "postgres://u:p@db", "postgres://u:p@db/", "not a url",
            "jdbc:mysql://db/app", "postgres://u:p@ss@db/app"})
    void rejectsWhatIsNotAPostgresUrlWithoutEchoingIt(String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DatabaseUrl.parse(value))
                .withMessageStartingWith("DATABASE_URL must look like postgres://")
                .withMessageNotContaining(value);
    }

    @Test
    void toStringHidesPassword() {
        assertThat(DatabaseUrl.parse("postgres://u:topsecret@db/app").toString()).doesNotContain("topsecret");
    }
}
