package dev.storesapi.mail;

import java.util.Comparator;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisStreamCommands.TrimOptions;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoGroup;
import org.springframework.data.redis.core.StreamOperations;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Publishes jobs to the Redis Stream (XADD, capped at about stores.email.stream-max-length entries). */
class RedisEmailQueue implements EmailQueue {

    private final StringRedisTemplate redis;
    private final EmailProperties properties;

    RedisEmailQueue(StringRedisTemplate redis, EmailProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    private static final Pattern STREAM_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");
    private static final Comparator<RecordId> STREAM_ORDER = Comparator.comparing(RecordId::getTimestamp)
            .thenComparing(RecordId::getSequence);

    @Override
    public String publish(EmailJob job) {
        return redis.opsForStream().add(MapRecord.create(properties.stream(), fields(job)),
                XAddOptions.trim(TrimOptions.maxLen(properties.streamMaxLength()).approximate())).getValue();
    }

    /**
     * The message is still in the stream and either pending (delivered, not acknowledged: the
     * workers retry it) or not yet read by the consumer group. An acknowledged message stays in
     * the stream, so being there is not enough.
     */
    @Override
    public boolean holds(long outboxId, String ref) {
        if (ref == null || !STREAM_ID.matcher(ref).matches()) {
            // Never published to this stream (before it had a queue_ref, or by the in-process queue).
            return false;
        }
        StreamOperations<String, Object, Object> streams = redis.opsForStream();
        if (streams.range(properties.stream(), Range.closed(ref, ref)).isEmpty()) {
            return false;
        }
        try {
            if (!streams.pending(properties.stream(), properties.consumerGroup(), Range.closed(ref, ref), 1).isEmpty()) {
                return true;
            }
            return streams.groups(properties.stream()).stream()
                    .filter(group -> properties.consumerGroup().equals(group.groupName()))
                    .map(XInfoGroup::lastDeliveredId)
                    .allMatch(lastRead -> STREAM_ORDER.compare(RecordId.of(ref), RecordId.of(lastRead)) > 0);
        } catch (RedisSystemException failed) {
            if (String.valueOf(failed.getMostSpecificCause().getMessage()).contains("NOGROUP")) {
                // No consumer group yet: a worker creates it reading from the start, this message included.
                return true;
            }
            throw failed;
        }
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
