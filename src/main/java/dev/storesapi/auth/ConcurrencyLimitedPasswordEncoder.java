package dev.storesapi.auth;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets at most as many password hashes run at once as there are CPUs; the others wait their turn.
 * An Argon2id hash holds 19 MiB of heap and a CPU for tens of milliseconds: running more at once
 * makes none of them faster, and a burst of logins would otherwise need 19 MiB each, more than the
 * heap of a 512 MiB instance has (README "Memory and start-up settings").
 */
final class ConcurrencyLimitedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore permits;

    ConcurrencyLimitedPasswordEncoder(PasswordEncoder delegate, int concurrentHashes) {
        this.delegate = delegate;
        this.permits = new Semaphore(concurrentHashes, true);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return oneAtATimePerCpu(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return oneAtATimePerCpu(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private <T> T oneAtATimePerCpu(Supplier<T> hashing) {
        permits.acquireUninterruptibly();
        try {
            return hashing.get();
        } finally {
            permits.release();
        }
    }
}
