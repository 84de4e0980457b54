package dev.storesapi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * A real Redis server (embedded binary, no persistence) on a free port. TestRedis holds the one the
 * shared test context uses; tests whose stream or limits must not be shared with it start their own.
 */
public final class PrivateRedis implements AutoCloseable {

    private final int port;
    private RedisServer server;

    private PrivateRedis(int port) {
        this.port = port;
    }

    public static PrivateRedis start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            PrivateRedis redis = new PrivateRedis(socket.getLocalPort());
            socket.close();
            redis.restart();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts it again on the same port, empty (as Redis restarts without persistence). */
    public void restart() {
        try {
            server = RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1").setting("save \"\"")
                    .setting("appendonly no").build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded Redis", e);
        }
    }

    public void stop() {
        try {
            if (server != null && server.isActive()) {
                server.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
