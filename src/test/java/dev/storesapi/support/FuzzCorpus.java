package dev.storesapi.support;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fixed corpus of hostile requests over every endpoint (docs/security.md): odd ids, odd
 * queries, odd bodies, odd content types, and paths Tomcat itself rejects. Ids that exist are never
 * used, so nothing is deleted by the corpus. FuzzCorpusIT checks every answer; DatabaseUnavailableIT
 * sends it to measure what the log holds.
 */
public final class FuzzCorpus {

    private static final String MISSING = "987654321";

    private static final List<String> ENDPOINTS = List.of(
            "GET /store", "POST /store", "GET /store/{id}", "DELETE /store/{id}",
            "GET /store/{id}/tag", "POST /store/{id}/tag",
            "GET /item", "POST /item", "GET /item/{id}", "PUT /item/{id}", "DELETE /item/{id}",
            "GET /tag/{id}", "DELETE /tag/{id}", "POST /item/{id}/tag/{id}", "DELETE /item/{id}/tag/{id}",
            "POST /register", "POST /login", "POST /refresh",
            "GET /user/me", "GET /user/{id}", "DELETE /user/{id}",
            // Last: it ends the corpus's own admin session.
            "POST /logout");

    private static final List<String> IDS = List.of(MISSING, "0", "-1", "abc", "9223372036854775808",
            "1.5", "%00", "%FF", "0x1", "%20" + MISSING, "%D9%A1", "1e3", "%2e%2e", "" + MISSING + "%0A",
            "99999999999999999999999999999999999999",
            // Paths Tomcat itself rejects (400 before any application code).
            "..%5c", "..%5C..%5C", "%5c", "..%2f..", "%2e%2e%5c");

    private static final List<String> QUERIES = List.of("", "?page=-1", "?size=0", "?size=1001", "?page=abc",
            "?page=2147483647&size=1000", "?store_id=%FF", "?store_id=abc", "?tag=%00", "?tag=a%00b", "?tag=" + "x".repeat(5000),
            "?%", "?page=1&page=2", "?size=%E2%82", "?store_id=-5&tag=");

    private static final List<String> BODIES = List.of("", "null", "[]", "{}", "{", "\"x\"", "1e999", "true",
            "{\"name\":null}", "{\"name\":123}", "{\"name\":\"\\u0000\"}", "{\"name\":\"\\ud800\"}",
            "{\"name\":\"" + "n".repeat(100_000) + "\"}", "[".repeat(5000) + "]".repeat(5000),
            "{\"name\":\"x\",\"price\":1e400,\"store_id\":1}", "{\"name\":\"x\",\"price\":-0.0,\"store_id\":1}",
            "{\"name\":\"x\",\"price\":1,\"store_id\":-9223372036854775809}", "{\"name\":{\"$gt\":\"\"}}",
            "{\"__proto__\":{\"admin\":true}}", "{\"username\":\"x\",\"password\":\"y\",\"email\":\"z\"}",
            "{\"username\":\"" + "u".repeat(10_000) + "\",\"password\":\"" + "p".repeat(10_000) + "\"}",
            "{\"username\":[],\"password\":{}}", "{\"name\":\"x\"}garbage", "\ufeff{\"name\":\"bom\"}",
            "{\"name\":\"x\",\"name\":\"y\"}", "{\"description\":\"" + "d".repeat(2000) + "\"}");

    private static final List<String> CONTENT_TYPES = List.of("application/json", "text/plain", "*/*",
            "application/json; charset=utf-16", "application/x-www-form-urlencoded", "application/yaml", ";;;");

    /** Request lines, methods and versions that Tomcat refuses before the application. */
    private static final List<String> REQUEST_LINES = List.of(
            "CONNECT localhost:80 HTTP/1.1", "TRACE /store HTTP/1.1", "PROPFIND /store HTTP/1.1", "BREW /store HTTP/1.1",
            "get /store HTTP/1.1", "GET /store HTTP/2.0", "GET /store HTTP/9.9", "GET /store HTTP/1.1x",
            "GET /store HTTP/1", "GET  /store HTTP/1.1", "GET /store?x=%ZZ HTTP/1.1", "GET /store/..%5c HTTP/1.1",
            "GET /store/%00 HTTP/1.1", "GET http://evil.example/store HTTP/1.1", "GET * HTTP/1.1", "OPTIONS * HTTP/1.1",
            "GET /store\tHTTP/1.1", "G(T /store HTTP/1.1");

    /** Odd framing of a POST /store, each followed by an empty chunked body. */
    private static final List<String> FRAMINGS = List.of("Transfer-Encoding: gzip, chunked",
            "Transfer-Encoding: identity", "Transfer-Encoding: chunked, chunked",
            "Transfer-Encoding: chunked\r\nContent-Length: 5", "Content-Length: -1", "Content-Length: 1, 2",
            "Content-Length: 99999999999999999999");

    /** Hostile If-Match values (docs/api.md "Conditional writes"), sent as written on the writes that read it. */
    private static final List<String> IF_MATCHES = List.of("", "*", "**", "*, *", "W/", "\"", "\"\"", "W/\"x\", *",
            "\"x\" \"y\"", "\"x\",", ",,,,", "\"x\"\r\nIf-Match: \"y\"", "\"\u00ff\u0080\"", "\"a\u0001b\"",
            "\"a\u007fb\"", "\"a\u0000b\"", "\"" + "a".repeat(6000) + "\"", "\"a\",".repeat(1500), "\u00e9", "%22x%22",
            "\"x\"; DROP TABLE items", "\"x\\\"\"");

    /** Hostile Idempotency-Key values (docs/api.md "Retrying a create"), sent as written on the creates. */
    private static final List<String> IDEMPOTENCY_KEYS = List.of("", " ", "k".repeat(256), "k".repeat(7000), "\u00e9",
            "a\u0001b", "a\u0000b", "a\u007fb", "\u00ff\u0080", "x\r\nIdempotency-Key: y", "x\r\nIdempotency-Key: x",
            "'; DROP TABLE idempotency_keys; --", "%00", "\"quoted\"", "*");

    private static final List<String> CREATES = List.of("POST /store", "POST /item", "POST /store/" + MISSING + "/tag",
            "POST /item/" + MISSING + "/tag/" + MISSING, "POST /register");

    private static final List<String> CONDITIONAL_WRITES = List.of("PUT /item/", "DELETE /item/", "DELETE /store/",
            "DELETE /tag/");

    /** One request of the corpus; {@code body} null: none; {@code raw} set: sent exactly as written. */
    public record Request(String method, String target, String contentType, byte[] body, String raw) {

        Request(String method, String target, String contentType, byte[] body) {
            this(method, target, contentType, body, null);
        }

        @Override
        public String toString() {
            if (raw != null) {
                return "raw " + raw.lines().limit(4).toList();
            }
            return method + " " + (target.length() > 80 ? target.substring(0, 80) + "..." : target)
                    + (body == null ? "" : " [" + contentType + ", " + body.length + " bytes]");
        }
    }

    /** What came back: the status, the Content-Type (null: none) and the body text. */
    public record Answer(int status, String contentType, String body) {

        public boolean isProblem() {
            return String.valueOf(contentType).startsWith("application/problem+json") && body.contains("\"error\":");
        }
    }

    private FuzzCorpus() {
    }

    public static List<Request> requests() {
        List<Request> requests = new ArrayList<>();
        // First, while the token is valid (POST /logout ends the corpus): sent over a socket exactly
        // as written, with the access token for {token}.
        String headers = "Host: localhost\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n";
        for (String requestLine : REQUEST_LINES) {
            requests.add(new Request(null, null, null, null, requestLine + "\r\n" + headers + "\r\n"));
        }
        for (String framing : FRAMINGS) {
            requests.add(new Request(null, null, null, null, "POST /store HTTP/1.1\r\n" + headers
                    + "Content-Type: application/json\r\n" + framing + "\r\n\r\n0\r\n\r\n"));
        }
        for (String create : CREATES) {
            for (String key : IDEMPOTENCY_KEYS) {
                String body = "{\"name\":\"fuzz " + UUID.randomUUID() + "\"}";
                requests.add(new Request(null, null, null, null, create + " HTTP/1.1\r\n" + headers
                        + "Idempotency-Key: " + key + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length() + "\r\n\r\n" + body));
            }
        }
        for (String write : CONDITIONAL_WRITES) {
            for (String ifMatch : IF_MATCHES) {
                String body = write.startsWith("PUT") ? "{\"name\":\"fuzz\"}" : "";
                requests.add(new Request(null, null, null, null, write + MISSING + " HTTP/1.1\r\n" + headers
                        + "If-Match: " + ifMatch + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length() + "\r\n\r\n" + body));
            }
        }
        for (String endpoint : ENDPOINTS) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String template = endpoint.substring(endpoint.indexOf(' ') + 1);
            for (String id : IDS) {
                requests.add(new Request(method, template.replace("{id}", id), null, null));
            }
            String path = template.replace("{id}", MISSING);
            for (String query : QUERIES) {
                requests.add(new Request(method, path + query, null, null));
            }
            if (!method.equals("GET") && !method.equals("DELETE")) {
                for (String body : BODIES) {
                    requests.add(new Request(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8)));
                }
                for (String contentType : CONTENT_TYPES) {
                    String name = "{\"name\":\"fuzz " + UUID.randomUUID() + "\"}";
                    requests.add(new Request(method, path, contentType, name.getBytes(StandardCharsets.UTF_8)));
                }
                // Not UTF-8 at all.
                requests.add(new Request(method, path, "application/json", new byte[] {'{', '"', 'n', '"', ':', '"',
                        (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}));
            }
        }
        return requests;
    }

    /** Sends one request of the corpus with {@code api}'s token (also given as {@code token} for a raw request). */
    public static Answer send(ApiClient api, String token, Request request) {
        if (request.raw() != null) {
            return answer(api.rawExchange(request.raw().replace("{token}", token), request.raw()));
        }
        if (request.body() == null && !isValidUri(api, request.target())) {
            // A target java.net.URI refuses (e.g. "?%"): sent over a plain socket.
            String raw = api.rawExchange(request.method() + " " + request.target() + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                    request.target());
            return answer(raw);
        }
        HttpRequest.Builder http = api.request(request.target()).method(request.method(),
                request.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            http.header("Content-Type", request.contentType());
        }
        ApiResponse response = api.send(http);
        return new Answer(response.status(), response.contentType(), response.body());
    }

    /** A raw response; no status at all (the connection closed unanswered) is status 0. */
    private static Answer answer(String raw) {
        int status = raw.startsWith("HTTP/1.1 ") && raw.length() >= 12 ? Integer.parseInt(raw.substring(9, 12)) : 0;
        return new Answer(status, raw.toLowerCase().contains("content-type: application/problem+json")
                ? "application/problem+json" : null, raw);
    }

    private static boolean isValidUri(ApiClient api, String target) {
        try {
            api.uri(target);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
