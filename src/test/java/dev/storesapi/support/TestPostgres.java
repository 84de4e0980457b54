package dev.storesapi.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * One real PostgreSQL server (zonky embedded binaries, the production major version) for the
 * whole test JVM: started on first use, stopped when the JVM exits. No Docker involved.
 */
public final class TestPostgres {

    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop));
        }
        return server;
    }

    public static String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    /** An empty database of its own on the same server, for tests that must not share rows; returns its name. */
    public static String newDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection admin = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres")) {
            admin.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return name;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    private static synchronized void stop() {
        try {
            server.close();
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }
}
