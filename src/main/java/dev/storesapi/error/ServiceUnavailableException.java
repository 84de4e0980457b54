package dev.storesapi.error;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The service cannot answer now but will soon (the database is away, every hashing slot is busy). */
public class ServiceUnavailableException extends ApiException {

    public static final String CODE = "service_unavailable";

    public ServiceUnavailableException(String detail, int retryAfterSeconds) {
        super(HttpStatus.SERVICE_UNAVAILABLE, CODE, detail);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
    }
}
