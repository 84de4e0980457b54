package dev.storesapi.web;

import dev.storesapi.error.ConflictException;
import dev.storesapi.error.MalformedRequestException;
import dev.storesapi.error.NotFoundException;
import dev.storesapi.error.PreconditionFailedException;
import dev.storesapi.error.PreconditionRequiredException;
import dev.storesapi.error.RuleViolationException;
import dev.storesapi.error.ServiceUnavailableException;
import org.springframework.http.HttpStatusCode;

/**
 * The {@code error} code of a problem that no {@link dev.storesapi.error.ApiException} declared:
 * Spring MVC's and Tomcat's own errors (docs/api.md "Errors"), by status. Where the API's own
 * exceptions answer the same status, their code is reused.
 */
public final class ProblemCodes {

    private ProblemCodes() {
    }

    public static String forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> MalformedRequestException.CODE;
            case 404 -> NotFoundException.CODE;
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> ConflictException.CODE;
            case 412 -> PreconditionFailedException.CODE;
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> RuleViolationException.CODE;
            case 428 -> PreconditionRequiredException.CODE;
            case 501 -> "not_implemented";
            case 503 -> ServiceUnavailableException.CODE;
            case 505 -> "http_version_not_supported";
            default -> status.is4xxClientError() ? "client_error" : "internal_error";
        };
    }
}
