package dev.storesapi.support;

/** One real Redis server (embedded binary) for the test JVM; tests may stop and restart it. */
public final class TestRedis {

    private static PrivateRedis server;

    private TestRedis() {
    }

    public static synchronized String url() {
        if (server == null) {
            server = PrivateRedis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestRedis::stop));
        }
        return server.url();
    }

    /** A restarted server is empty: no stream, no consumer group (as after a Redis restart without persistence). */
    public static synchronized void start() {
        server.restart();
    }

    public static synchronized void stop() {
        server.stop();
    }
}
