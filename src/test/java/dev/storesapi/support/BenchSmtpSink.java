package dev.storesapi.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * A minimal SMTP sink for bench/ scripts: accepts every message, optionally after a delay (a slow
 * mail server), and writes how many it accepted to a file. Usage: BenchSmtpSink PORT DELAY_MS COUNT_FILE
 */
public final class BenchSmtpSink {

    private BenchSmtpSink() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long delayMillis = Long.parseLong(args[1]);
        BenchCountFile accepted = new BenchCountFile(Path.of(args[2]));
        try (ServerSocket server = new ServerSocket(port); var sessions = Executors.newVirtualThreadPerTaskExecutor()) {
            System.out.println("SMTP sink ready on port " + port + " (delay " + delayMillis + " ms)");
            while (true) {
                Socket client = server.accept();
                sessions.submit(() -> session(client, delayMillis, accepted));
            }
        }
    }

    private static Void session(Socket client, long delayMillis, BenchCountFile accepted) throws Exception {
        try (client; var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
             var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            reply(out, "220 bench-sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 bench-sink");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        while (!".".equals(in.readLine())) {
                            // the message body is discarded
                        }
                        Thread.sleep(delayMillis);
                        accepted.increment();
                        reply(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return null;
                    }
                    default -> reply(out, "250 ok");
                }
            }
        }
        return null;
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }
}
