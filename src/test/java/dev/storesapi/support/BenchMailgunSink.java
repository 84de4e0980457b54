package dev.storesapi.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;

/**
 * A stand-in for Mailgun's HTTP API for bench/ and .ci/image: accepts every POST to
 * /v3/{domain}/messages with 200 and writes how many it accepted to a file, and, when a second file
 * is given, appends each message's form to it, one line each (to check their contents).
 * Usage: BenchMailgunSink PORT COUNT_FILE [MESSAGES_FILE]
 */
public final class BenchMailgunSink {

    private static final byte[] QUEUED = "{\"id\":\"<bench@sink>\",\"message\":\"Queued. Thank you.\"}"
            .getBytes(StandardCharsets.UTF_8);

    private BenchMailgunSink() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        BenchCountFile accepted = new BenchCountFile(Path.of(args[1]));
        Path messages = args.length > 2 ? Path.of(args[2]) : null;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.createContext("/v3/", exchange -> {
            try (exchange) {
                byte[] form = exchange.getRequestBody().readAllBytes();
                boolean message = "POST".equals(exchange.getRequestMethod())
                        && exchange.getRequestURI().getPath().endsWith("/messages");
                if (message && messages != null) {
                    synchronized (BenchMailgunSink.class) {
                        Files.write(messages, (new String(form, StandardCharsets.UTF_8) + "\n")
                                .getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    }
                }
                if (message) {
                    accepted.increment();
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(message ? 200 : 404, message ? QUEUED.length : -1);
                if (message) {
                    exchange.getResponseBody().write(QUEUED);
                }
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        System.out.println("Mailgun sink ready on port " + port);
    }
}
