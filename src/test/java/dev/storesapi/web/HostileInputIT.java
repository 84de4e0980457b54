package dev.storesapi.web;

import dev.storesapi.support.Accounts;
import dev.storesapi.support.Admin;
import dev.storesapi.support.ApiClient;
import dev.storesapi.support.ApiResponse;
import dev.storesapi.support.Catalog;
import dev.storesapi.support.IntegrationTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import static dev.storesapi.support.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile or careless client sends (docs/security.md): broken encodings, odd content
 * types, numbers out of range, hidden characters, spoofed hosts. Each answer is a 4xx problem+json,
 * never a 500, and nothing is stored or deleted by mistake.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HostileInputIT {

    @Autowired
    @Admin
    ApiClient api;

    @Autowired
    Accounts accounts;

    @Autowired
    Catalog catalog;

    @ParameterizedTest
    @ValueSource(strings = {"/store?%FF=1", "/store?%=1", "/store?%ZZ=1", "/item?a=%E2%82", "/store?page=%",
            "/store/1?x=%C0%AF", "/store?%u0041=1"})
    void queryThatIsNotPercentEncodedUtf8IsMalformedRequest(String target) {
        String response = api.rawGet(target);

        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"error\":\"malformed_request\"").contains(RequestSyntaxFilter.BAD_QUERY);
    }

    /** Tomcat rejects these paths before any application code; its error report used to log a 30-line NPE each. */
    @ParameterizedTest
    @ValueSource(strings = {"/store/..%5c", "/store/..%5C/x", "/..%5c..%5c", "/store/%zz"})
    void aPathTomcatRejectsIsAProblemThatLogsNoStackTrace(String target, CapturedOutput output) {
        int before = output.getOut().length();

        String response = api.rawGet(target);

        assertThat(response).startsWith("HTTP/1.1 400").contains("application/problem+json")
                .contains("\"error\":\"malformed_request\"");
        assertThat(output.getOut().substring(before)).doesNotContain("Exception", "\tat ");
    }

    /** Request lines and methods Tomcat does not implement: their own codes, not internal_error. */
    @ParameterizedTest
    @CsvSource({"CONNECT localhost:80 HTTP/1.1, 501, not_implemented",
            "GET /store HTTP/2.0, 505, http_version_not_supported",
            "GET /store HTTP/9.9, 505, http_version_not_supported"})
    void unsupportedRequestLinesHaveTheirOwnCodes(String requestLine, int status, String code) {
        String response = api.rawExchange(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n", requestLine);

        assertThat(response).startsWith("HTTP/1.1 " + status).contains("application/problem+json")
                .contains("\"error\":\"" + code + "\"");
    }

    @Test
    void validPercentEncodedQueryStillWorks() {
        long store = catalog.store();
        String tag = "caf\u00e9 " + Catalog.unique("t");
        catalog.tag(store, tag);

        ApiResponse response = api.get("/item?tag=" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "text/*", "*/json", "garbage", "json"})
    void contentTypeThatIsNotAConcreteMediaTypeIsUnsupported(String contentType) {
        assertProblem(api.raw("POST", "/store", contentType, "{\"name\":\"x\"}"), 415, "unsupported_media_type");
        assertProblem(api.send(api.request("/logout").header("Content-Type", contentType)
                .POST(BodyPublishers.noBody())), 415, "unsupported_media_type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/yaml", "application/x-yaml", "text/yaml", "application/xml",
            "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"})
    void bodyInAnythingButJsonIsUnsupported(String contentType) {
        String name = Catalog.unique("yaml");

        assertProblem(api.raw("POST", "/store", contentType, "name: " + name + "\nfoo: bar\n"), 415,
                "unsupported_media_type", RequestSyntaxFilter.NOT_JSON);

        assertThat(api.get("/store?size=1000").body()).doesNotContain(name);
    }

    @Test
    void jsonWithCharsetOrAsAPlusJsonTypeIsRead() {
        assertThat(api.raw("POST", "/store", "application/json; charset=utf-8",
                "{\"name\":\"" + Catalog.unique("charset") + "\"}").status()).isEqualTo(201);
    }

    @Test
    void responsesAreNeverYaml() {
        ApiResponse response = api.send(api.request("/store/" + catalog.store()).setHeader("Accept", "application/yaml"));

        assertThat(response.status()).isEqualTo(406);
        assertThat(response.body()).doesNotContain("name:");
    }

    @Test
    void pageWhoseOffsetOverflowsIsMalformedRequest() {
        JsonNode problem = assertProblem(api.get("/store?page=2147483647&size=2"), 400, "malformed_request");

        assertThat(problem.toString()).contains("page");
        assertThat(api.get("/store?page=" + PageQuery.MAX_PAGE + "&size=1000").status()).isEqualTo(200);
        assertProblem(api.get("/item?page=" + (PageQuery.MAX_PAGE + 1)), 400, "malformed_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x23", "+23", "23%20", "%2023", "%D9%A2%D9%A3", "%EF%BC%92%EF%BC%93", "23.0", "1e1"})
    void pathIdThatIsNotPlainAsciiDigitsIsMalformedRequest(String id) {
        assertProblem(api.get("/store/" + id), 400, "malformed_request");
        assertProblem(api.get("/item?store_id=" + id), 400, "malformed_request");
    }

    @Test
    void deleteWithATrailingSpaceInTheIdDeletesNothing() {
        long store = catalog.store();

        assertProblem(api.delete("/store/" + store + "%20"), 400, "malformed_request");

        assertThat(api.get("/store/" + store).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u001bb", "a\u007fb", "a\u0085b", "a\u202eb", "a\u2066b", "a\u2028b",
            "a\nb", "a\u200bb", "a\ufeffb", "a\u00adb", "a\u200db"})
    void namesWithInvisibleControlOrFormattingCharactersAreValidationFailed(String name) {
        JsonNode problem = assertProblem(api.post("/store", Map.of("name", name)), 422, "validation_failed");

        assertThat(problem.get("errors").has("name")).isTrue();
        long store = catalog.store();
        assertProblem(api.post("/store/" + store + "/tag", Map.of("name", name)), 422, "validation_failed");
        assertProblem(api.post("/item", Map.of("name", name, "price", 1, "store_id", store)), 422,
                "validation_failed");
    }

    @Test
    void nameWithALoneSurrogateIsValidationFailed() {
        assertProblem(api.raw("POST", "/store", "application/json", "{\"name\":\"a\\ud800b\"}"), 422,
                "validation_failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200b", "\u00a0", "\ufeff", "\r\n", "\u202e", " \u2003\u200b\u00a0 ", "\u180e",
            "\u3164", "\u2800", "\u115f\u1160", "\u034f", "\ufe0f", "\uffa0"})
    void namesMadeOnlyOfInvisibleCharactersAreValidationFailed(String name) {
        JsonNode problem = assertProblem(api.post("/store", Map.of("name", name)), 422, "validation_failed");

        assertThat(problem.get("errors").has("name")).isTrue();
    }

    /** Issue 22: "abc" and "a\u200bbc" look alike, so the second may not exist beside the first. */
    @Test
    void nameThatDiffersFromAnotherOnlyByAZeroWidthSpaceIsValidationFailed() {
        String name = Catalog.unique("abc");
        assertThat(api.post("/store", Map.of("name", name)).status()).isEqualTo(201);

        JsonNode problem = assertProblem(api.post("/store", Map.of("name", "a\u200b" + name.substring(1))), 422,
                "validation_failed");

        assertThat(problem.get("errors").has("name")).isTrue();
    }

    /** Invisible characters at either end are refused as inside a name, no longer trimmed away. */
    @ParameterizedTest
    @ValueSource(strings = {"\u200b%s", "%s\u200b", "\ufeff%s", "%s\ufeff", "\u202e%s", "%s\u2069", " \u200e %s "})
    void invisibleCharactersAroundANameAreValidationFailed(String pattern) {
        JsonNode problem = assertProblem(api.post("/store", Map.of("name", pattern.formatted(Catalog.unique("Edge")))),
                422, "validation_failed");

        assertThat(problem.get("errors").has("name")).isTrue();
    }

    @Test
    void spacesAroundANameAreTrimmed() {
        String name = Catalog.unique("Trimmed");

        ApiResponse created = api.post("/store", Map.of("name", "\u00a0\t " + name + "\u3000\u2003"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("name").asString()).isEqualTo(name);
    }

    /** Joiners and selectors inside emoji are part of the name (a trailing selector used to be trimmed off). */
    @Test
    void emojiSequencesInANameAreKeptAsSent() {
        String name = "\ud83d\udc69\u200d\ud83d\udcbb " + Catalog.unique("Caf\u00e9") + " \u2764\ufe0f";

        ApiResponse created = api.post("/store", Map.of("name", name));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("name").asString()).isEqualTo(name);
    }

    @Test
    void descriptionsKeepTabsAndLineBreaksButNotOtherControlCharacters() {
        long store = catalog.store();
        ApiResponse ok = api.post("/item", Map.of("name", Catalog.unique("i"), "price", 1, "store_id", store,
                "description", "line 1\nline 2\tand a tab"));
        assertThat(ok.status()).isEqualTo(201);

        assertProblem(api.post("/item", Map.of("name", Catalog.unique("i"), "price", 1, "store_id", store,
                "description", "bell \u0007")), 422, "validation_failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%00b", "a%E2%80%8Bb"})
    void tagFilterWithAControlOrInvisibleCharacterIsMalformedRequest(String tag) {
        // A bad query parameter is a 400, as for page and size (a body field would be a 422).
        assertProblem(api.get("/item?tag=" + tag), 400, "malformed_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jo\u0000se", "jo\u001bse", "jo\u202ese", "jo\u200bse", "\ufeffjose"})
    void loginWithControlOrInvisibleCharactersInTheUsernameIsValidationFailed(String username) {
        assertProblem(accounts.anonymous().post("/login", Map.of("username", username, "password", "whatever1")),
                422, "validation_failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0161dmin@example.com", "adm\u0140in@example.com", "admin\u2028@example.com",
            "admin@ex\u00e4mple.com", "admin@example.com\u0000", "\"admin\"@example.com", "admin@[127.0.0.1]"})
    void emailThatTheMailServerWouldRewriteIsValidationFailed(String email) {
        JsonNode problem = assertProblem(accounts.anonymous().post("/register", Map.of(
                "username", Catalog.unique("mail").replace(' ', '_'), "email", email, "password", "long enough password")),
                422, "validation_failed");

        assertThat(problem.get("errors").has("email")).isTrue();
    }

    @Test
    void asciiAddressesWithPlusAndPunycodeDomainsAreAccepted() {
        String username = Catalog.unique("puny").replace(' ', '_');
        assertThat(accounts.anonymous().post("/register", Map.of("username", username,
                "email", username + "+tag@xn--exmple-cua.com", "password", "long enough password")).status())
                .isEqualTo(201);
    }

    @Test
    void usernamesThatDifferOnlyInCaseAreOneAccount() {
        String username = Catalog.unique("CaseUser").replace(' ', '_');
        String password = "long enough password";
        assertThat(accounts.anonymous().post("/register", Map.of("username", username,
                "email", username.toLowerCase() + "@example.com", "password", password)).status()).isEqualTo(201);

        assertProblem(accounts.anonymous().post("/register", Map.of("username", username.toLowerCase(),
                "email", "other-" + username.toLowerCase() + "@example.com", "password", password)), 409, "conflict");
        assertThat(accounts.anonymous().post("/login", Map.of("username", username.toUpperCase(),
                "password", password)).status()).isEqualTo(200);
    }

    @Test
    void headOnAPublicRouteIsAGetWithoutTheBody() {
        ApiResponse head = accounts.anonymous().send(accounts.anonymous().request("/store?size=1")
                .method("HEAD", BodyPublishers.noBody()));

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("X-Total-Count")).isNotNull();
        assertThat(accounts.anonymous().send(accounts.anonymous().request("/user/me")
                .method("HEAD", BodyPublishers.noBody())).status()).isEqualTo(401);
    }

    @Test
    void optionsAnswersTheAllowedMethodsWithoutAToken() {
        ApiResponse options = accounts.anonymous().send(accounts.anonymous().request("/store")
                .method("OPTIONS", BodyPublishers.noBody()));

        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void paginationLinksCarryNoHostTheClientSent() {
        catalog.store();
        catalog.store();

        String response = api.rawExchange("GET /store?size=1 HTTP/1.1\r\nHost: evil.example\r\n"
                + "X-Forwarded-Host: evil2.example\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n", "/store");

        assertThat(response).startsWith("HTTP/1.1 200").doesNotContain("evil");
        assertThat(response).containsPattern("(?i)\nLink: </store\\?page=0&size=1>; rel=\"first\"");
    }

    /** A signed-in user asking for an actuator path that is hidden or does not exist gets the API's 404. */
    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health/db", "/actuator/nope", "/actuator/env", "/actuator/health/x/y"})
    void unknownActuatorPathsAreProblemNotFoundWithTheSecurityHeaders(String path) {
        ApiResponse response = accounts.user().get(path);

        assertProblem(response, 404, "not_found");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Cache-Control")).contains("no-store");
    }
}
