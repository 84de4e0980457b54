package dev.storesapi.auth;

/** Name of the bearer-token security scheme in the OpenAPI document (config/OpenApiConfig). */
public final class OpenApiSecurity {

    public static final String BEARER = "bearer";

    private OpenApiSecurity() {
    }
}
