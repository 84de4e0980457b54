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
    }

    @Test
    void aMessageWhoseOutboxIdIsNotANumberIsRefused() {
        Map<String, String> fields = new HashMap<>(RedisEmailQueue.fields(job));
        fields.put("outbox_id", "seven");

        assertThatThrownBy(() -> RedisEmailQueue.job(fields))
                .isInstanceOf(InvalidEmailJobException.class)
                .hasMessageContaining("outbox_id is not a number: seven");
    }

    @Test
    void aMessageWithoutAnAddressIsRefused() {
        Map<String, String> fields = new HashMap<>(RedisEmailQueue.fields(job));
        fields.remove("email");

        assertThatThrownBy(() -> RedisEmailQueue.job(fields))
                .isInstanceOf(InvalidEmailJobException.class)
                .hasMessageContaining("no email or username");
    }
}
