package dev.storesapi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;
import redis.embedded.RedisServer;

/**
 * A real Redis server (embedded binary, no persistence) on a free port. TestRedis holds the one the
 * shared test context uses; tests whose stream or limits must not be shared with it start their own.
 */
public final class PrivateRedis implements AutoCloseable {

    private final int port;
    private RedisServer server;
    private ProcessHandle process;

    private PrivateRedis(int port) {
        this.port = port;
    }

    public static PrivateRedis start() {
        PrivateRedis redis = new PrivateRedis(FreePort.belowEphemeralRange());
        redis.restart();
        return redis;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts it again on the same port, empty (as Redis restarts without persistence). */
    public void restart() {
        try {
            server = RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1").setting("save \"\"")
                    .setting("appendonly no").build();
            Set<ProcessHandle> before = ProcessHandle.current().descendants().collect(Collectors.toSet());
            server.start();
            process = ProcessHandle.current().descendants()
                    .filter(started -> !before.contains(started))
                    .filter(started -> started.info().command().orElse("").contains("redis"))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded Redis", e);
        }
    }

    /** Freezes the server (SIGSTOP), as a Redis too busy to answer: connections stay open, replies stop. */
    public void pause() {
        signal("STOP");
    }

    /** Lets a {@link #pause() paused} server run again (SIGCONT). */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        if (process == null) {
            throw new IllegalStateException("the redis-server process on port " + port + " was not found");
        }
        String pid = Long.toString(process.pid());
        try {
            int exit = new ProcessBuilder("kill", "-" + name, pid).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + name + " " + pid + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
