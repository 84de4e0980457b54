package dev.storesapi.auth;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An authenticated bearer token. It grants no authorities: every rule of {@link SecurityConfig}
 * reads the {@link AuthenticatedUser} (admin, fresh) itself, so roles have one source.
 */
final class JwtAuthentication extends AbstractAuthenticationToken {

    private final AuthenticatedUser user;

    JwtAuthentication(AuthenticatedUser user) {
        super(List.of());
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public AuthenticatedUser getPrincipal() {
        return user;
    }
}
