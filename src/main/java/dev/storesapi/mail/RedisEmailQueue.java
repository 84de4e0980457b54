package dev.storesapi.mail;

import java.util.Map;
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
    public void publish(EmailJob job) {
        redis.opsForStream().add(MapRecord.create(properties.stream(), fields(job)),
                XAddOptions.maxlen(properties.streamMaxLength()).approximateTrimming(true));
    }

    static Map<String, String> fields(EmailJob job) {
        return Map.of(
                "outbox_id", Long.toString(job.outboxId()),
                "type", job.type(),
                "user_id", Long.toString(job.userId()),
                "email", job.email(),
                "username", job.username());
    }

    static EmailJob job(Map<String, String> fields) {
        return new EmailJob(Long.parseLong(fields.get("outbox_id")), fields.get("type"),
                Long.parseLong(fields.get("user_id")), fields.get("email"), fields.get("username"));
    }
}
