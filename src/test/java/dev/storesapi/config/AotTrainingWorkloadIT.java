package dev.storesapi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.storesapi.support.IntegrationTest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The image's AOT training workload (docs/deploy.md "Spring AOT") against the running API: every
 * call it makes still gets the answer it expects, so the image build does not fail on it, and a
 * wrong answer stops it. That the JVM writes a cache from the run, and that the web role maps it,
 * is checked on the real image by .ci/image.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AotTrainingWorkloadIT {

    @LocalServerPort
    int port;

    @Test
    void everyCallGetsTheAnswerTheWorkloadExpects(CapturedOutput output) throws Exception {
        new AotTrainingWorkload(new AotTrainingProperties(true, 1)).train(port);

        assertThat(output).contains("AOT training: 1 rounds of requests");
    }

    @Test
    void anUnexpectedAnswerStopsTheTraining() throws Exception {
        HttpServer refusing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        refusing.createContext("/", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        refusing.start();
        try {
            assertThatThrownBy(() -> new AotTrainingWorkload(new AotTrainingProperties(true, 1))
                    .train(refusing.getAddress().getPort()))
                    .hasMessageContaining("POST /register answered 503, expected 201");
        } finally {
            refusing.stop(0);
        }
    }
}
