package dev.storesapi.support;

import redis.embedded.RedisServer;

/** Starts the tests' embedded Redis on a given port for bench/ scripts. Usage: BenchRedis PORT */
public final class BenchRedis {

    private BenchRedis() {
    }

    public static void main(String[] args) throws Exception {
        RedisServer redis = RedisServer.newRedisServer().port(Integer.parseInt(args[0])).setting("bind 127.0.0.1")
                .setting("save \"\"").build();
        redis.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                redis.stop();
            } catch (Exception ignored) {
                // exiting
            }
        }));
        System.out.println("Redis ready on port " + args[0]);
        Thread.currentThread().join();
    }
}
