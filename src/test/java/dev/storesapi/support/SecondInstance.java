package dev.storesapi.support;

import dev.storesapi.StoresApiApplication;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Another instance of the application on a random port, sharing the tests' PostgreSQL and JWT key. */
public final class SecondInstance {

    private SecondInstance() {
    }

    /** With further {@code --name=value} arguments of its own. */
    public static ConfigurableApplicationContext start(String... arguments) {
        return new SpringApplicationBuilder(StoresApiApplication.class).run(Stream.concat(Stream.of(
                "--server.port=0",
                "--spring.datasource.url=" + TestPostgres.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--JWT_SECRET_KEY=" + TestSecrets.JWT_SECRET_KEY), Stream.of(arguments)).toArray(String[]::new));
    }
}
