package dev.storesapi.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ConcurrencyLimitedPasswordEncoderTest {

    /** Counts how many hashes run at once; each waits until all callers have started. */
    static final class SlowEncoder implements PasswordEncoder {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final CountDownLatch allCalled;

        SlowEncoder(int callers) {
            allCalled = new CountDownLatch(callers);
        }

        private void work() {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                // Until every caller is queued, then long enough for the permits to overlap.
                allCalled.await(2, TimeUnit.SECONDS);
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        }

        @Override
        public String encode(CharSequence raw) {
            work();
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            work();
            return encoded.equals("hash:" + raw);
        }
    }

    @Test
    void runsNoMoreHashesAtOnceThanItHasPermitsAndAnswersEveryCaller() throws Exception {
        int callers = 12;
        SlowEncoder slow = new SlowEncoder(callers);
        PasswordEncoder limited = new ConcurrencyLimitedPasswordEncoder(slow, 2, Duration.ofSeconds(30));
        List<Future<Boolean>> results = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < callers; i++) {
                String password = "password-" + i;
                boolean login = i % 2 == 0;
                results.add(threads.submit(() -> {
                    slow.allCalled.countDown();
                    return login ? limited.matches(password, "hash:" + password)
                            : limited.encode(password).equals("hash:" + password);
                }));
            }
        }
        for (Future<Boolean> result : results) {
            assertThat(result.get()).isTrue();
        }
        assertThat(slow.mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void givesUpWithBusyWhenNoPermitFreesUpWithinTheWait() throws Exception {
        CountDownLatch hashing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PasswordEncoder blocking = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                hashing.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "hash";
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return true;
            }
        };
        PasswordEncoder limited = new ConcurrencyLimitedPasswordEncoder(blocking, 1, Duration.ofMillis(50));
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = threads.submit(() -> limited.encode("first"));
            assertThat(hashing.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> limited.matches("second", "hash"))
                    .isInstanceOf(PasswordHashingBusyException.class);

            release.countDown();
            assertThat(first.get()).isEqualTo("hash");
            assertThat(limited.matches("third", "hash")).isTrue();
        }
    }

    /** The encoder PasswordConfig makes: its hashing threads end when the application context closes. */
    @Test
    void itsHashingThreadsEndWithTheApplicationContext() {
        ApplicationContextRunner passwordConfig = new ApplicationContextRunner()
                // application.yml holds the settings' defaults (docs/configuration.md "Where settings live").
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(PasswordConfig.class);
        Set<Thread> hashers = new HashSet<>();

        passwordConfig.run(context -> {
            Set<Thread> before = hashingThreads();
            assertThat(context.getBean(PasswordEncoder.class).encode("long enough password")).startsWith("{argon2}");
            hashers.addAll(hashingThreads());
            hashers.removeAll(before);
        });

        assertThat(hashers).as("threads the encoder started").isNotEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> hashers.stream().noneMatch(Thread::isAlive));
    }

    private static Set<Thread> hashingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("password-hash-"))
                .collect(Collectors.toSet());
    }
}
