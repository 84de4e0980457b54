package dev.storesapi.mail;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.stream.StreamMessageListenerContainer;
import org.springframework.data.redis.stream.StreamMessageListenerContainer.StreamMessageListenerContainerOptions;
import org.springframework.data.redis.stream.StreamMessageListenerContainer.StreamReadRequest;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Consumes the "emails" stream in the consumer group "email-workers" (docs/email.md "Worker"): new
 * messages through XREADGROUP, up to EMAIL_WORKER_CONCURRENCY sends at a time, each acknowledged once
 * its job is settled in the database ({@link EmailMessageProcessor}); every second, pending messages
 * idle for longer than their back-off are claimed (XCLAIM) and tried again, which both retries failed
 * sends and rescues the messages of a crashed worker (once their claim in the database has run out:
 * {@link EmailDelivery#resendAfterCrash()}).
 */
class RedisStreamWorker implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisStreamWorker.class);
    /** How long stopping waits for sends in progress; one cut short stays pending for another worker. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);
    private static final int RECLAIM_BATCH = 100;

    private final boolean consumes;
    private final StringRedisTemplate redis;
    private final RedisConnectionFactory connections;
    private final EmailMessageProcessor messages;
    private final EmailConsumerGroup group;
    private final EmailProperties properties;
    private final Duration resendAfterCrash;
    /** Chosen at start: a process that never consumes the stream makes no host name lookup. */
    private String consumerName;
    private StreamMessageListenerContainer<String, MapRecord<String, String, String>> container;
    private final BoundedSends sends;
    /** Runs the container's polling loop. */
    private final Executor reader;
    private final StreamOutage readOutage;
    /** Ends a back-off wait at once when the worker stops (within Render's 30 s shutdown window). */
    private volatile CountDownLatch stopping = new CountDownLatch(1);
    private final StreamOutage reclaimOutage;
    private volatile boolean running;

    /** {@code consumes}: whether this process consumes the stream, and so starts the worker. */
    RedisStreamWorker(StringRedisTemplate redis, RedisConnectionFactory connections, EmailDelivery delivery,
            EmailProperties properties, boolean consumes) {
        this(redis, connections, delivery, properties, consumes, new SimpleAsyncTaskExecutor("email-stream-"));
    }

    /** With the executor of the polling loop given: a test holds {@link #start()} back with it. */
    RedisStreamWorker(StringRedisTemplate redis, RedisConnectionFactory connections, EmailDelivery delivery,
            EmailProperties properties, boolean consumes, Executor reader) {
        this.consumes = consumes;
        this.redis = redis;
        this.connections = connections;
        this.messages = new EmailMessageProcessor(redis, delivery, properties);
        this.group = new EmailConsumerGroup(redis, properties);
        this.properties = properties;
        this.resendAfterCrash = delivery.resendAfterCrash();
        this.sends = new BoundedSends(properties.workerConcurrency());
        this.reader = reader;
        this.readOutage = outage(properties);
        this.reclaimOutage = outage(properties);
    }

    private static StreamOutage outage(EmailProperties properties) {
        return new StreamOutage(System::nanoTime, properties.streamOutageMaxWait(),
                properties.streamOutageLogInterval());
    }

    @Override
    public void start() {
        stopping = new CountDownLatch(1);
        consumerName = EmailConsumerGroup.newConsumerName();
        try {
            group.createIfMissing();
        } catch (RuntimeException redisDown) {
            // Not fatal (a web service sending its own email must start): reads back off until Redis
            // is back, and the first NOGROUP answer then creates the group.
            group.recover(redisDown, readOutage);
        }
        StreamMessageListenerContainerOptions<String, MapRecord<String, String, String>> options =
                StreamMessageListenerContainerOptions.builder()
                        .pollTimeout(Duration.ofSeconds(1))
                        .batchSize(Math.max(10, properties.workerConcurrency()))
                        .errorHandler(this::onPollError)
                        .executor(reader)
                        .build();
        container = StreamMessageListenerContainer.create(connections, options);
        container.register(StreamReadRequest.builder(StreamOffset.create(properties.stream(), ReadOffset.lastConsumed()))
                        .consumer(Consumer.from(properties.consumerGroup(), consumerName))
                        .autoAcknowledge(false)
                        // One failure (Redis restarting, say) must not end the subscription for good.
                        .cancelOnError(error -> false)
                        .build(),
                this::handle);
        // Before the first read: handle() refuses what is read while the worker is not running, and a
        // message refused there stays pending to this consumer until its retry delay (30 s) is over.
        running = true;
        container.start();
        // The figure a kill -9 is judged by: it follows from the transport's timeouts and the back-off.
        log.info("Email worker {} consuming stream '{}'; a send cut short by a worker's crash is made again {} s "
                + "after the message was read", consumerName, properties.stream(),
                BigDecimal.valueOf(resendAfterCrash.toMillis(), 3).stripTrailingZeros().toPlainString());
    }

    /**
     * The web server's graceful shutdown phase: in a web service that sends its own email, requests
     * and sends in flight finish side by side, within SHUTDOWN_TIMEOUT and Render's 30 s.
     */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE;
    }

    @Override
    public void stop(Runnable stopped) {
        stopReading();
        Thread.ofVirtual().name("email-worker-stop").start(() -> {
            sends.awaitIdle(STOP_WAIT);
            stopped.run();
        });
    }

    @Override
    public void stop() {
        stopReading();
        sends.awaitIdle(STOP_WAIT);
    }

    private void stopReading() {
        // First, the mirror of start(): a read still in flight when the container stops is handed to
        // handle() all the same, which must then refuse it (it stays pending, for another worker).
        running = false;
        stopping.countDown();
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Only where the stream is consumed: APP_ROLE=worker, or EMAIL_WORKER_ENABLED on a web service with Redis. */
    @Override
    public boolean isAutoStartup() {
        return consumes;
    }

    @Override
    public void destroy() {
        sends.close();
    }

    @Scheduled(fixedDelayString = "${stores.email.reclaim-interval}")
    void retryOrRescuePending() {
        if (!running) {
            return;
        }
        try {
            reclaim();
        } catch (RuntimeException failed) {
            // Runs every second on the scheduler anyway: only the logging is throttled here.
            group.recover(failed, reclaimOutage);
        }
    }

    private void reclaim() {
        for (PendingMessage pending : redis.opsForStream()
                .pending(properties.stream(), properties.consumerGroup(), Range.unbounded(), RECLAIM_BATCH)) {
            Duration backOff = properties.retryDelayAfter(pending.getTotalDeliveryCount());
            if (pending.getElapsedTimeSinceLastDelivery().compareTo(backOff) < 0) {
                continue;
            }
            redis.<String, String>opsForStream()
                    .claim(properties.stream(), properties.consumerGroup(), consumerName, backOff, pending.getId())
                    .forEach(this::handle);
        }
    }

    /** A message not handed over (the worker is stopping) stays pending, for another worker or a restart. */
    private void handle(MapRecord<String, String, String> message) {
        sends.start(() -> messages.process(message), () -> running);
    }

    /** On the polling thread, which polls again on return: waiting here keeps an outage from being a busy loop. */
    private void onPollError(Throwable error) {
        Duration wait = group.recover(error, readOutage);
        if (running && wait != null) {
            try {
                stopping.await(wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    long pendingCount() {
        return group.pendingCount();
    }
}
