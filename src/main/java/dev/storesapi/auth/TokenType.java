package dev.storesapi.auth;

/** The {@code type} claim: an access token is never accepted as a refresh token, nor the reverse. */
public enum TokenType {
    ACCESS("access"),
    REFRESH("refresh");

    private final String claim;

    TokenType(String claim) {
        this.claim = claim;
    }

    String claim() {
        return claim;
    }
}
