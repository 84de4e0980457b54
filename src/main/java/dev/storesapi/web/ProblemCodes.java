package dev.storesapi.web;

import org.springframework.http.HttpStatusCode;

/** The stable machine-readable {@code error} code of each problem status (README "Errors"). */
public final class ProblemCodes {

    private ProblemCodes() {
    }

    public static String forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "malformed_request";
            case 401 -> "authorization_required";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "validation_failed";
            case 429 -> "rate_limited";
            case 503 -> "service_unavailable";
            default -> status.is4xxClientError() ? "client_error" : "internal_error";
        };
    }
}
