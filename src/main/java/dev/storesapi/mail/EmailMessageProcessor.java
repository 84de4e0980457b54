package dev.storesapi.mail;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What {@link RedisStreamWorker} does with one message of the "emails" stream: a send through
 * {@link EmailDelivery}, then an acknowledgement once the job is settled in the database (sent,
 * found sent or dead already, or dead now, then also copied to the dead-letter stream). A failed
 * send leaves the message pending, for the worker to retry after its back-off.
 */
class EmailMessageProcessor {

    private static final Logger log = LoggerFactory.getLogger(EmailMessageProcessor.class);

    private final StringRedisTemplate redis;
    private final EmailDelivery delivery;
    private final EmailProperties properties;

    EmailMessageProcessor(StringRedisTemplate redis, EmailDelivery delivery, EmailProperties properties) {
        this.redis = redis;
        this.delivery = delivery;
        this.properties = properties;
    }

    void process(MapRecord<String, String, String> message) {
        EmailJob job;
        try {
            job = RedisEmailQueue.job(message.getValue());
        } catch (InvalidEmailJobException unparseable) {
            // A parse error, not an outage: retrying cannot help, so it goes to the dead letters now.
            log.error("Email stream message {} is not an email job (parse error: {})", message.getId(),
                    unparseable.getMessage());
            delivery.countDeadLetter();
            deadLetter(message, unparseable.getMessage());
            return;
        }
        try {
            DeliveryOutcome outcome = delivery.attempt(job);
            switch (outcome.kind()) {
                case SENT, SETTLED -> acknowledge(message);
                case DEAD -> deadLetter(message, outcome.reason());
                case RETRY -> log.warn("Email job {} (message {}) failed: {}", job.outboxId(), message.getId(),
                        outcome.reason());
                case BUSY -> log.debug("Email job {} is being sent by another worker", job.outboxId());
            }
        } catch (RuntimeException failed) {
            // The database or Redis is unreachable: left pending, retried after its back-off.
            log.warn("Email job {} (message {}) not handled: {}", job.outboxId(), message.getId(), failed.getMessage());
        }
    }

    private void acknowledge(MapRecord<String, String, String> message) {
        redis.opsForStream().acknowledge(properties.consumerGroup(), message);
    }

    private void deadLetter(MapRecord<String, String, String> message, String reason) {
        Map<String, String> fields = new LinkedHashMap<>(message.getValue());
        fields.put("error", reason);
        redis.opsForStream().add(MapRecord.create(properties.deadLetterStream(), fields));
        acknowledge(message);
        log.error("Email job {} dead-lettered to '{}': {}", message.getValue().get("outbox_id"),
                properties.deadLetterStream(), reason);
    }
}
