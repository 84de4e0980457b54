package dev.storesapi.auth;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * An anonymous caller who sent a token that was refused, and why. Public routes serve it like any
 * anonymous caller; on a route that needs a token, Spring Security hands it to the entry point
 * ({@link AuthProblems}), which answers with this reason instead of "no token".
 */
final class RefusedToken extends AnonymousAuthenticationToken {

    private final AuthFailure failure;

    RefusedToken(AuthFailure failure) {
        super(RefusedToken.class.getName(), "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        this.failure = failure;
    }

    AuthFailure failure() {
        return failure;
    }
}
