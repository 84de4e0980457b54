package dev.storesapi.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts the tests' embedded PostgreSQL on a given port for bench/ scripts and keeps it running
 * until the process is stopped. Usage: BenchPostgres PORT
 */
public final class BenchPostgres {

    private BenchPostgres() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(port).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception ignored) {
                // exiting
            }
        }));
        System.out.println("PostgreSQL ready on port " + port);
        Thread.currentThread().join();
    }
}
