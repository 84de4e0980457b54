package dev.storesapi.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real HTTP client for the running application, anonymous or with a bearer token. Every response
 * it sees is checked for what docs/api.md "Errors" forbids in any body: stack traces, SQL, Java class
 * names, password hashes, and any password the tests have used.
 */
@Primary
public class ApiClient {

    /** The Accept header of every request. */
    public static final String ACCEPT = "application/json, application/problem+json";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LEAK = Pattern.compile(
            "(?i)(\\bat [a-z]+\\.[a-z]|exception|\\bselect\\b.*\\bfrom\\b|\\binsert into\\b|org\\.springframework|org\\.hibernate|java\\.(lang|util|time)\\.|tools\\.jackson|com\\.fasterxml"
                    + "|\\{argon2}|\\$argon2id?\\$|\\$2[aby]\\$|password_?hash)");
    private static final Set<String> PASSWORDS = ConcurrentHashMap.newKeySet();

    private final HttpClient http;
    private final Environment environment;
    private final String token;

    @Autowired
    public ApiClient(Environment environment) {
        this(environment, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), null);
    }

    private ApiClient(Environment environment, HttpClient http, String token) {
        this.environment = environment;
        this.http = http;
        this.token = token;
    }

    /** The same client sending {@code Authorization: Bearer <token>}. */
    public ApiClient withToken(String token) {
        return new ApiClient(environment, http, token);
    }

    /** The same caller (its token, if any) on another instance of the application ({@link SecondInstance}). */
    public ApiClient on(Environment instance) {
        return new ApiClient(instance, http, token);
    }

    /** Remembers a password the tests use, so that no response may ever contain it. */
    public static void neverShow(String password) {
        PASSWORDS.add(password);
    }

    public ApiResponse get(String path) {
        return send(request(path).GET());
    }

    public ApiResponse post(String path, Object body) {
        return send(json(request(path), "POST", body));
    }

    public ApiResponse post(String path) {
        return send(request(path).POST(BodyPublishers.noBody()));
    }

    public ApiResponse put(String path, Object body) {
        return send(json(request(path), "PUT", body));
    }

    public ApiResponse delete(String path) {
        return send(request(path).DELETE());
    }

    /** A request with a raw body and content type, e.g. malformed JSON. */
    public ApiResponse raw(String method, String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).method(method, BodyPublishers.ofString(body)));
    }

    /** A body sent chunked, without Content-Length. */
    public ApiResponse chunked(String method, String path, byte[] body) {
        BodyPublisher publisher = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        return send(request(path).header("Content-Type", "application/json").method(method, publisher));
    }

    /**
     * Sends a GET with a request target no URI class accepts (e.g. {@code /store/%zz}) over a plain
     * socket; returns the raw status line, headers and body text.
     */
    public String rawGet(String target) {
        return rawExchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", target);
    }

    /** Sends a request exactly as written (any method, Host or header) and returns the raw response text. */
    public String rawExchange(String requestText, String target) {
        int port = Integer.parseInt(environment.getRequiredProperty("local.server.port"));
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(requestText.getBytes(StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertNoLeak(response, target);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ApiResponse send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), BodyHandlers.ofString());
            ApiResponse result = new ApiResponse(response.statusCode(), response.headers(), response.body());
            assertNoLeak(result.body(), response.uri().toString());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", ACCEPT);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static void assertNoLeak(String body, String where) {
        assertThat(body).as("response body of %s", where).doesNotContainPattern(LEAK);
        for (String password : PASSWORDS) {
            assertThat(body).as("response body of %s", where).doesNotContain(password);
        }
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + path);
    }

    private static HttpRequest.Builder json(HttpRequest.Builder request, String method, Object body) {
        String text = body instanceof String string ? string : JSON.writeValueAsString(body);
        return request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(text));
    }
}
