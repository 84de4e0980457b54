package dev.storesapi.support;

import dev.storesapi.StoresApiApplication;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another instance of the application in this JVM, for tests that need one of their own: started
 * from command-line settings ({@code --name=value}) on top of defaults, merged by name, so that a
 * later setting replaces an earlier one, a default included. (Spring Boot reads a repeated
 * {@code --name=a --name=b} as "a,b".) Names are compared as written: {@code --REDIS_URL} does not
 * replace {@code --spring.data.redis.url}. The database is named by DATABASE_URL, one setting that
 * a test's own replaces (auth/LoginFloodIT gives one with a password in it).
 */
public final class SecondInstance {

    private SecondInstance() {
    }

    /**
     * A web instance on a random port, sharing the tests' PostgreSQL and JWT key, with these
     * settings on top.
     */
    public static ConfigurableApplicationContext start(String... settings) {
        return start(List.of(settings));
    }

    /** As {@link #start(String...)}. */
    public static ConfigurableApplicationContext start(List<String> settings) {
        return run(List.of("--server.port=0", database("postgres"), "--JWT_SECRET_KEY=" + TestSecrets.JWT_SECRET_KEY),
                settings);
    }

    /**
     * A process in the worker role on the tests' PostgreSQL, configured only as a worker deployment
     * is (no port, no JWT key: it serves no HTTP), with these settings on top; it needs
     * {@link #redis Redis} and a mail server ({@link #testMail()}) to do its work.
     */
    public static ConfigurableApplicationContext startWorker(String... settings) {
        return startWorker(List.of(settings));
    }

    /** As {@link #startWorker(String...)}. */
    public static ConfigurableApplicationContext startWorker(List<String> settings) {
        return run(List.of("--APP_ROLE=worker", database("postgres")), settings);
    }

    /**
     * A database of the tests' PostgreSQL server ({@link TestPostgres#newDatabase}), named by
     * DATABASE_URL as a deployment names it: one setting, which a test's own DATABASE_URL replaces.
     */
    public static String database(String name) {
        return "--DATABASE_URL=" + TestPostgres.jdbcUrl(name) + "?user=postgres";
    }

    /** Redis at this URL ({@link TestRedis#url()}, {@link PrivateRedis#url()}). */
    public static String redis(String url) {
        return "--REDIS_URL=" + url;
    }

    /** The tests' SMTP server ({@link TestMail}), with the timeouts that come with MAIL_HOST. */
    public static List<String> testMail() {
        return List.of("--MAIL_HOST=127.0.0.1", "--MAIL_PORT=" + TestMail.port());
    }

    private static ConfigurableApplicationContext run(List<String> defaults, List<String> settings) {
        Map<String, String> byName = new LinkedHashMap<>();
        Stream.concat(defaults.stream(), settings.stream()).forEach(setting -> byName.put(name(setting), setting));
        return new SpringApplicationBuilder(StoresApiApplication.class).run(byName.values().toArray(String[]::new));
    }

    private static String name(String setting) {
        int equals = setting.indexOf('=');
        if (!setting.startsWith("--") || equals < 3) {
            throw new IllegalArgumentException("Not a --name=value setting: " + setting);
        }
        return setting.substring(2, equals);
    }
}
