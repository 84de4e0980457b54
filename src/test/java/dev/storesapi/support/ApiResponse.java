package dev.storesapi.support;

import java.net.http.HttpHeaders;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

public record ApiResponse(int status, HttpHeaders headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    public JsonNode json() {
        return JSON.readTree(body);
    }

    public String contentType() {
        return header("Content-Type");
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public long id() {
        return json().get("id").asLong();
    }
}
