package dev.storesapi.auth;

import dev.storesapi.user.Role;
import dev.storesapi.web.ProblemResponder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <jwt>}: a valid token whose login session is live.
 * POST /refresh takes refresh tokens, every other route access tokens. A refused token leaves the
 * request anonymous, as a {@link RefusedToken} that says why, so that a route that needs a token
 * answers with the documented reason; public routes ignore it.
 */
final class JwtAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private static final RequestMatcher REFRESH = AccessPolicy.decidedBy(AccessPolicy.Access.REFRESH_TOKEN);

    private final JwtService jwt;
    private final AuthService auth;
    private final ProblemResponder problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    JwtAuthenticationFilter(JwtService jwt, AuthService auth, ProblemResponder problems) {
        this.jwt = jwt;
        this.auth = auth;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && !header.isBlank()) {
            Authentication authentication;
            try {
                authentication = new JwtAuthentication(authenticate(header, request));
            } catch (AuthFailureException refused) {
                authentication = new RefusedToken(refused.failure());
            } catch (RuntimeException noAnswer) {
                // The session could not be checked (the database is down, say): answered like any error
                // (a 503 and one log line), not thrown to Tomcat, which logs a whole stack trace.
                problems.respond(request, response, noAnswer);
                return;
            }
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(authentication);
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private AuthenticatedUser authenticate(String header, HttpServletRequest request) {
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new AuthFailureException(AuthFailure.INVALID_TOKEN);
        }
        TokenType expected = REFRESH.matches(request) ? TokenType.REFRESH : TokenType.ACCESS;
        VerifiedToken token = jwt.verify(header.substring(BEARER.length()).strip(), expected);
        ActiveSession session = auth.findActiveSession(token.sessionId())
                .filter(active -> active.userId() == token.userId())
                .orElseThrow(() -> new AuthFailureException(AuthFailure.TOKEN_REVOKED));
        return new AuthenticatedUser(token.userId(), token.sessionId(), token.fresh(), session.role() == Role.ADMIN);
    }
}
