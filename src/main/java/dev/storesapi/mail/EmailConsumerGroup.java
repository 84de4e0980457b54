package dev.storesapi.mail;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The consumer group "email-workers" on the "emails" stream, and what a failed read means for it:
 * Redis unreachable (wait, with {@link StreamOutage}'s back-off) or Redis restarted without its
 * data, when the group is gone (NOGROUP) and is created again, reading from the start.
 */
class EmailConsumerGroup {

    private static final Logger log = LoggerFactory.getLogger(EmailConsumerGroup.class);

    private final StringRedisTemplate redis;
    private final EmailProperties properties;

    EmailConsumerGroup(StringRedisTemplate redis, EmailProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** This worker's name in the group: its host and a random suffix, unique across restarts. */
    static String newConsumerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "worker";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    long pendingCount() {
        return redis.opsForStream().pending(properties.stream(), properties.consumerGroup()).getTotalPendingMessages();
    }

    void createIfMissing() {
        try {
            redis.execute(connection -> connection.streamCommands().xGroupCreate(
                    properties.stream().getBytes(StandardCharsets.UTF_8), properties.consumerGroup(),
                    ReadOffset.from("0"), true), true);
        } catch (RedisSystemException exists) {
            if (exists.getMostSpecificCause().getMessage() == null
                    || !exists.getMostSpecificCause().getMessage().contains("BUSYGROUP")) {
                throw exists;
            }
        }
    }

    /** Handles a failed read; returns how long to wait before the next one, or null to go on at once. */
    Duration recover(Throwable error, StreamOutage outage) {
        if (String.valueOf(rootMessage(error)).contains("NOGROUP")) {
            log.warn("Consumer group '{}' is missing (Redis restarted?); creating it again", properties.consumerGroup());
            try {
                createIfMissing();
                return null;
            } catch (RuntimeException stillDown) {
                return outage.failed("cannot create the consumer group: " + rootMessage(stillDown), log::warn);
            }
        }
        return outage.failed(rootMessage(error), log::warn);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
