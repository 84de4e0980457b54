package dev.storesapi.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free port for a server the tests start, below Linux's ephemeral range (32768 and up): a client
 * reconnecting to a stopped server on an ephemeral port can end up connected to itself, and the
 * server then cannot start on it again.
 */
public final class FreePort {

    private FreePort() {
    }

    public static int belowEphemeralRange() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(15_000, 32_768);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 15000 and 32767");
    }
}
