package dev.storesapi.mail;

import java.util.Map;
import org.springframework.data.redis.connection.RedisStreamCommands.TrimOptions;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Publishes jobs to the Redis Stream (XADD, capped at about stores.email.stream-max-length entries). */
class RedisEmailQueue implements EmailQueue {

    private final StringRedisTemplate redis;
    private final EmailProperties properties;

    RedisEmailQueue(StringRedisTemplate redis, EmailProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    @Override
    public String publish(EmailJob job) {
        return redis.opsForStream().add(MapRecord.create(properties.stream(), fields(job)),
                XAddOptions.trim(TrimOptions.maxLen(properties.streamMaxLength()).approximate())).getValue();
    }

    static Map<String, String> fields(EmailJob job) {
        return Map.of(
                "outbox_id", Long.toString(job.outboxId()),
                "user_id", Long.toString(job.userId()),
                "email", job.email(),
                "username", job.username());
    }

    /** The job of a stream message; {@link InvalidEmailJobException} names what is missing or unparseable. */
    static EmailJob job(Map<String, String> fields) {
        String email = fields.get("email");
        String username = fields.get("username");
        if (email == null || username == null) {
            throw new InvalidEmailJobException("message has no email or username field");
        }
        return new EmailJob(number(fields, "outbox_id"), number(fields, "user_id"), email, username);
    }

    private static long number(Map<String, String> fields, String name) {
        try {
            return Long.parseLong(fields.get(name));
        } catch (NumberFormatException missingOrNotANumber) {
            throw new InvalidEmailJobException("message field " + name + " is not a number: " + fields.get(name));
        }
    }
}
