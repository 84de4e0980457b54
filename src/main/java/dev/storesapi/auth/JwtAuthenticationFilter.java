package dev.storesapi.auth;

import dev.storesapi.user.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <jwt>}: a valid token whose login session is live.
 * POST /refresh takes refresh tokens, every other route access tokens. A refused token leaves the
 * request anonymous and records why, so that a route that needs a token answers with the
 * documented reason (see {@link AuthProblems}); public routes ignore it.
 */
final class JwtAuthenticationFilter extends OncePerRequestFilter {

    static final String FAILURE = JwtAuthenticationFilter.class.getName() + ".failure";
    private static final String BEARER = "Bearer ";
    private static final RequestMatcher REFRESH = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, "/refresh");

    private final JwtService jwt;
    private final AuthService auth;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    JwtAuthenticationFilter(JwtService jwt, AuthService auth) {
        this.jwt = jwt;
        this.auth = auth;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && !header.isBlank()) {
            try {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(new JwtAuthentication(authenticate(header, request)));
                contexts.setContext(context);
            } catch (AuthenticationFailedException refused) {
                request.setAttribute(FAILURE, refused.failure());
            }
        }
        chain.doFilter(request, response);
    }

    private AuthenticatedUser authenticate(String header, HttpServletRequest request) {
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new AuthenticationFailedException(AuthFailure.INVALID_TOKEN);
        }
        TokenType expected = REFRESH.matches(request) ? TokenType.REFRESH : TokenType.ACCESS;
        VerifiedToken token = jwt.verify(header.substring(BEARER.length()).strip(), expected);
        ActiveSession session = auth.findActiveSession(token.sessionId())
                .filter(active -> active.userId() == token.userId())
                .orElseThrow(() -> new AuthenticationFailedException(AuthFailure.TOKEN_REVOKED));
        return new AuthenticatedUser(token.userId(), token.sessionId(), token.fresh(), session.role() == Role.ADMIN);
    }
}
