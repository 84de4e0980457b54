package dev.storesapi.idempotency;

import dev.storesapi.error.ApiException;
import dev.storesapi.error.ServiceUnavailableException;
import dev.storesapi.user.Caller;
import dev.storesapi.web.FilterOrder;
import dev.storesapi.web.ProblemResponder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;

/**
 * Idempotent creates (docs/api.md "Retrying a create"): a POST that creates, sent with an
 * Idempotency-Key, runs once per caller and key; a repeat gets the first answer again, marked
 * {@code Idempotent-Replayed: true}, and writes nothing. After the security chain
 * ({@link FilterOrder#IDEMPOTENCY}), which tells whose key it is. The request runs in one transaction
 * that the services' own join: it locks the key ({@link IdempotencyKeys#claim}), runs the request and
 * stores its answer, so the write and the stored answer commit together; an error answer writes
 * nothing and leaves the key free.
 */
@Component
@Order(FilterOrder.IDEMPOTENCY)
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyFilter extends OncePerRequestFilter {

    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final IdempotencyKeys keys;
    private final TransactionTemplate transaction;
    private final ProblemResponder problems;
    private final SignUpTurns signUpTurns;

    IdempotencyFilter(IdempotencyKeys keys, PlatformTransactionManager transactions, ProblemResponder problems,
            SignUpTurns signUpTurns) {
        this.keys = keys;
        this.signUpTurns = signUpTurns;
        this.transaction = new TransactionTemplate(transactions);
        this.problems = problems;
    }

    /** The path as Spring Security and MVC match it (decoded): /st%6Fre is /store. */
    static String pathOf(HttpServletRequest request) {
        return PATHS.getPathWithinApplication(request);
    }

    /** Whose key it is: the user of the token, or for a sign-up the client's address. */
    static String scopeOf(HttpServletRequest request, String path) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!"/register".equals(path) && authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return "user:" + caller.userId();
        }
        return "ip:" + request.getRemoteAddr();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(IdempotentCreates.KEY_HEADER) == null
                || !IdempotentCreates.appliesTo(pathOf(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = pathOf(request);
        IdempotencyKey key;
        try {
            key = IdempotencyKey.of(Collections.list(request.getHeaders(IdempotentCreates.KEY_HEADER)));
        } catch (ApiException malformed) {
            problems.respond(request, response, malformed);
            return;
        }
        if (!"/register".equals(path)) {
            runIdempotently(request, response, chain, path, key);
            return;
        }
        try {
            if (!signUpTurns.take()) {
                problems.respond(request, response, new ServiceUnavailableException(
                        "Too many sign-ups are running. Try again in a moment.", 1));
                return;
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            problems.respond(request, response, new ServiceUnavailableException("The service is stopping.", 5));
            return;
        }
        try {
            runIdempotently(request, response, chain, path, key);
        } finally {
            signUpTurns.give();
        }
    }

    private void runIdempotently(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            String path, IdempotencyKey key) throws IOException, ServletException {
        String scope = scopeOf(request, path);
        // Its size is known (and at most 1 MiB, web/RequestBodyLimitFilter) unless the body is chunked.
        int length = request.getContentLength();
        byte[] body = length >= 0 ? request.getInputStream().readNBytes(length) : request.getInputStream().readAllBytes();
        String requestHash = hash(request.getMethod(), path, body);
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        Claim claim;
        try {
            claim = transaction.execute(status -> {
                Claim found = keys.claim(scope, key.value(), requestHash);
                if (!(found instanceof Claim.Claimed)) {
                    return found;
                }
                runOnce(new WithBody(request, body), buffered, chain, status);
                if (status.isRollbackOnly() || keys.store(scope, key.value(), requestHash, answerOf(buffered))) {
                    return found;
                }
                // A first request with the key committed meanwhile: this one's write and answer are void.
                status.setRollbackOnly();
                buffered.reset();
                return new Claim.InUse();
            });
        } catch (ChainFailed failed) {
            if (failed.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) failed.getCause();
        } catch (DataAccessException | TransactionException failed) {
            // The key's lookup or store, or the commit, failed (the database is away, say): nothing was
            // sent yet, and the answer is what any request's database error gets (a 503 for an outage).
            buffered.reset();
            problems.respond(request, response, failed);
            return;
        }
        switch (claim) {
            case Claim.Claimed claimed -> buffered.copyBodyToResponse();
            case Claim.Replay replay -> replay(replay.answer(), response);
            case Claim.Reused reused -> problems.respond(request, response, new IdempotencyKeyReusedException());
            case Claim.InUse inUse -> problems.respond(request, response, new IdempotencyKeyInUseException());
        }
    }

    /**
     * Runs the request in the transaction, which the services' own join. Its answer is sent only
     * after the commit, so a client never sees a 201 for a write that was rolled back; an error
     * answer rolls back what the request may have written, and leaves the key free.
     */
    private static void runOnce(HttpServletRequest request, ContentCachingResponseWrapper buffered, FilterChain chain,
            TransactionStatus status) {
        try {
            chain.doFilter(request, buffered);
        } catch (IOException | ServletException failed) {
            throw new ChainFailed(failed);
        }
        int code = buffered.getStatus();
        if (code < 200 || code >= 300) {
            status.setRollbackOnly();
        }
    }

    private static StoredAnswer answerOf(ContentCachingResponseWrapper buffered) {
        return new StoredAnswer(buffered.getStatus(), buffered.getContentType(), buffered.getHeader(HttpHeaders.LOCATION),
                buffered.getHeader(HttpHeaders.ETAG), new String(buffered.getContentAsByteArray(), StandardCharsets.UTF_8));
    }

    private static void replay(StoredAnswer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        response.setHeader(IdempotentCreates.REPLAYED_HEADER, "true");
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, answer.etag());
        }
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String hash(String method, String path, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((method + ' ' + path + '\n').getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    /** Carries the chain's checked exceptions out of the transaction, which rolls back on it. */
    private static final class ChainFailed extends RuntimeException {

        ChainFailed(Exception cause) {
            super(cause);
        }
    }

    /** The request with its body read once, for the hash, and served again to the controllers. */
    private static final class WithBody extends HttpServletRequestWrapper {

        private final byte[] body;

        WithBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
