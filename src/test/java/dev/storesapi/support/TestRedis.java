package dev.storesapi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** One real Redis server (embedded binary) for the test JVM; tests may stop and restart it. */
public final class TestRedis {

    private static final int PORT = freePort();
    private static RedisServer server;

    private TestRedis() {
    }

    public static synchronized String url() {
        if (server == null) {
            start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestRedis::stop));
        }
        return "redis://localhost:" + PORT;
    }

    /** A restarted server is empty: no stream, no consumer group (as after a Redis restart without persistence). */
    public static synchronized void start() {
        try {
            server = RedisServer.newRedisServer().port(PORT).setting("bind 127.0.0.1").setting("save \"\"")
                    .setting("appendonly no").build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded Redis", e);
        }
    }

    public static synchronized void stop() {
        try {
            if (server != null && server.isActive()) {
                server.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
