package dev.storesapi.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated bearer token; its authorities are ROLE_USER or ROLE_ADMIN, plus FRESH_TOKEN. */
final class JwtAuthentication extends AbstractAuthenticationToken {

    private final AuthenticatedUser user;

    JwtAuthentication(AuthenticatedUser user) {
        super(authorities(user));
        this.user = user;
        setAuthenticated(true);
    }

    private static Collection<GrantedAuthority> authorities(AuthenticatedUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(user.admin() ? "ROLE_ADMIN" : "ROLE_USER"));
        if (user.fresh()) {
            authorities.add(new SimpleGrantedAuthority("FRESH_TOKEN"));
        }
        return authorities;
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
