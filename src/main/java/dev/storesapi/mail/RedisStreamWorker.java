package dev.storesapi.mail;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
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
 * Consumes the "emails" stream in the consumer group "email-workers" (docs/email.md).
 * <ul>
 *   <li>New messages arrive through XREADGROUP and are handed to up to EMAIL_WORKER_CONCURRENCY sends at a
 *       time. Each send is claimed in the database first (EmailDelivery), so a second copy of the
 *       message, or another worker, never sends the same job at once.</li>
 *   <li>A message is acknowledged once its job is settled in the database ({@link EmailMessageProcessor}).
 *       A failed send leaves it pending.</li>
 *   <li>Every second the worker looks at the pending list: a message idle for longer than the back-off of
 *       its delivery count (retryDelay x 2^(n-1)) is claimed (XCLAIM with that minimum idle time, so
 *       only one worker wins) and tried again. This one mechanism retries failed sends and rescues
 *       messages of a crashed worker. The database counts the attempts, which survives Redis losing its data.</li>
 * </ul>
 */
class RedisStreamWorker implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisStreamWorker.class);
    /** Inside Render's 30 s between SIGTERM and SIGKILL. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);
    private static final int RECLAIM_BATCH = 100;

    private final StringRedisTemplate redis;
    private final RedisConnectionFactory connections;
    private final EmailMessageProcessor messages;
    private final EmailConsumerGroup group;
    private final EmailProperties properties;
    private final String consumerName;
    private StreamMessageListenerContainer<String, MapRecord<String, String, String>> container;
    /** Bounds the sends in flight (and counts them, for stop()): the listener waits for a free one. */
    private final Semaphore sendSlots;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final StreamOutage readOutage = new StreamOutage(System::nanoTime);
    /** Ends a back-off wait at once when the worker stops (within Render's 30 s shutdown window). */
    private volatile CountDownLatch stopping = new CountDownLatch(1);
    private final StreamOutage reclaimOutage = new StreamOutage(System::nanoTime);
    private volatile boolean running;

    RedisStreamWorker(StringRedisTemplate redis, RedisConnectionFactory connections, EmailDelivery delivery,
            EmailProperties properties) {
        this.redis = redis;
        this.connections = connections;
        this.messages = new EmailMessageProcessor(redis, delivery, properties);
        this.group = new EmailConsumerGroup(redis, properties);
        this.properties = properties;
        this.consumerName = EmailConsumerGroup.newConsumerName();
        this.sendSlots = new Semaphore(properties.workerConcurrency());
    }

    @Override
    public void start() {
        stopping = new CountDownLatch(1);
        group.createIfMissing();
        StreamMessageListenerContainerOptions<String, MapRecord<String, String, String>> options =
                StreamMessageListenerContainerOptions.builder()
                        .pollTimeout(Duration.ofSeconds(1))
                        .batchSize(Math.max(10, properties.workerConcurrency()))
                        .errorHandler(this::onPollError)
                        .build();
        container = StreamMessageListenerContainer.create(connections, options);
        container.register(StreamReadRequest.builder(StreamOffset.create(properties.stream(), ReadOffset.lastConsumed()))
                        .consumer(Consumer.from(properties.consumerGroup(), consumerName))
                        .autoAcknowledge(false)
                        // One failure (Redis restarting, say) must not end the subscription for good.
                        .cancelOnError(error -> false)
                        .build(),
                this::handle);
        container.start();
        running = true;
        log.info("Email worker {} consuming stream '{}'", consumerName, properties.stream());
    }

    /** Stops reading, then waits for sends in progress; a message not finished stays pending for another worker. */
    @Override
    public void stop() {
        running = false;
        stopping.countDown();
        if (container != null) {
            container.stop();
        }
        try {
            // Holding every slot means no send is in progress; they are free again for a restart.
            if (sendSlots.tryAcquire(properties.workerConcurrency(), STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                sendSlots.release(properties.workerConcurrency());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Only where the stream is consumed: APP_ROLE=worker, or EMAIL_WORKER_ENABLED on a web service. */
    @Override
    public boolean isAutoStartup() {
        return properties.workerEnabled();
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }

    @Scheduled(fixedDelayString = "${stores.email.reclaim-interval:1s}")
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

    /** Runs the message's send on a virtual thread of its own, once one of the send slots is free. */
    private void handle(MapRecord<String, String, String> message) {
        try {
            sendSlots.acquire();
        } catch (InterruptedException stopping) {
            // Left pending, like any message not finished: another worker (or this one, later) takes it.
            Thread.currentThread().interrupt();
            return;
        }
        if (!running) {
            sendSlots.release();
            return;
        }
        try {
            senders.execute(() -> {
                try {
                    messages.process(message);
                } finally {
                    sendSlots.release();
                }
            });
        } catch (RuntimeException rejected) {
            sendSlots.release();
            throw rejected;
        }
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
