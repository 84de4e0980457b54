package dev.storesapi.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * A stand-in for Mailgun's HTTP API for bench/ and .ci/image: accepts every POST to
 * /v3/{domain}/messages with 200 and writes how many it accepted to a file, and, when a second file
 * is given, the form of the last message (to check its contents).
 * Usage: BenchMailgunSink PORT COUNT_FILE [LAST_MESSAGE_FILE]
 */
public final class BenchMailgunSink {

    private static final byte[] QUEUED = "{\"id\":\"<bench@sink>\",\"message\":\"Queued. Thank you.\"}"
            .getBytes(StandardCharsets.UTF_8);

    private BenchMailgunSink() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        BenchCountFile accepted = new BenchCountFile(Path.of(args[1]));
        Path lastMessage = args.length > 2 ? Path.of(args[2]) : null;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.createContext("/v3/", exchange -> {
            try (exchange) {
                byte[] form = exchange.getRequestBody().readAllBytes();
                boolean message = "POST".equals(exchange.getRequestMethod())
                        && exchange.getRequestURI().getPath().endsWith("/messages");
                if (message && lastMessage != null) {
                    Files.write(lastMessage, form);
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
