package dev.storesapi.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A job as the fields of a stream message, and the messages a worker must refuse. */
class EmailStreamMessageTest {

    private final EmailJob job = new EmailJob(7, 3, "jose@example.com", "jose");

    @Test
    void aJobTravelsAsStreamFields() {
        assertThat(RedisEmailQueue.job(RedisEmailQueue.fields(job))).isEqualTo(job);
        assertThat(RedisEmailQueue.fields(job)).containsEntry("type", "registration");
    }

    @Test
    void aMessageWithoutATypeIsARegistration() {
        Map<String, String> fields = new HashMap<>(RedisEmailQueue.fields(job));
        fields.remove("type");

        assertThat(RedisEmailQueue.job(fields)).isEqualTo(job);
    }

    /** A later release may add kinds of email; this one must not send them as registrations. */
    @Test
    void aMessageOfAnotherKindOfEmailIsRefused() {
        Map<String, String> fields = new HashMap<>(RedisEmailQueue.fields(job));
        fields.put("type", "newsletter");

        assertThatThrownBy(() -> RedisEmailQueue.job(fields))
                .isInstanceOf(InvalidEmailJobException.class)
                .hasMessageContaining("unknown job type: newsletter");
    }
}
