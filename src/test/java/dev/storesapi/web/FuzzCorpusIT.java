package dev.storesapi.web;

import dev.storesapi.support.Accounts;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fixed corpus of hostile requests over every endpoint (docs/security.md): odd ids, odd
 * queries, odd bodies, odd content types, as an admin with a fresh token so that each request gets
 * as far into the service as it can. Not one may answer 5xx, and every error is problem+json with
 * an {@code error} code. Ids that exist are never used, so nothing is deleted by the corpus.
 */
@IntegrationTest
class FuzzCorpusIT {

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

    @Autowired
    Accounts accounts;

    private ApiClient api;
    private String token;

    @Test
    void noRequestOfTheCorpusGetsAServerErrorAndEveryErrorIsAProblem() {
        token = accounts.adminLogin().access();
        api = accounts.anonymous().withToken(token);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (String endpoint : ENDPOINTS) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String template = endpoint.substring(endpoint.indexOf(' ') + 1);
            for (String id : IDS) {
                sent += check(failures, method, template.replace("{id}", id), null, null);
            }
            String path = template.replace("{id}", MISSING);
            for (String query : QUERIES) {
                sent += check(failures, method, path + query, null, null);
            }
            if (!method.equals("GET") && !method.equals("DELETE")) {
                for (String body : BODIES) {
                    sent += check(failures, method, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
                }
                for (String contentType : CONTENT_TYPES) {
                    String name = "{\"name\":\"fuzz " + UUID.randomUUID() + "\"}";
                    sent += check(failures, method, path, contentType, name.getBytes(StandardCharsets.UTF_8));
                }
                // Not UTF-8 at all.
                sent += check(failures, method, path, "application/json", new byte[] {'{', '"', 'n', '"', ':', '"',
                        (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'});
            }
        }

        assertThat(sent).isGreaterThan(900);
        assertThat(failures).isEmpty();
    }

    private int check(List<String> failures, String method, String target, String contentType, byte[] body) {
        if (body == null && !isValidUri(target)) {
            // A target java.net.URI refuses (e.g. "?%"): sent over a plain socket.
            String raw = api.rawExchange(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", target);
            int status = Integer.parseInt(raw.substring(9, 12));
            if (status >= 500 || (status >= 400 && (!raw.toLowerCase().contains("content-type: application/problem+json")
                    || !raw.contains("\"error\":")))) {
                failures.add(method + " " + target + " -> " + raw);
            }
            return 1;
        }
        HttpRequest.Builder request = api.request(target).method(method,
                body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        String what = method + " " + (target.length() > 80 ? target.substring(0, 80) + "..." : target)
                + (body == null ? "" : " [" + contentType + ", " + body.length + " bytes]");
        ApiResponse response = api.send(request);
        if (response.status() >= 500) {
            failures.add(what + " -> " + response.status() + " " + response.body());
        } else if (response.status() >= 400 && (!String.valueOf(response.contentType()).startsWith("application/problem+json")
                || !response.body().contains("\"error\":"))) {
            failures.add(what + " -> " + response.status() + " without problem+json: " + response.body());
        }
        return 1;
    }

    private boolean isValidUri(String target) {
        try {
            api.uri(target);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
