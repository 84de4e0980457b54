package dev.storesapi.support;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/** Outbox rows written straight into the database, in the states the relay leaves them. */
public final class OutboxRows {

    private OutboxRows() {
    }

    public static String payload(String email, String username) {
        return "{\"user_id\": 1, \"email\": \"" + email + "\", \"username\": \"" + username + "\"}";
    }

    /** Published an hour ago and due an hour from now: only a stream message can bring it to a worker. */
    public static long published(JdbcTemplate jdbc, String email, String username) {
        return jdbc.queryForObject("insert into email_outbox (job_type, payload, created_at, published_at, "
                + "due_at) values ('registration', ?, now() - interval '1 hour', now() - interval '1 hour', "
                + "now() + interval '1 hour') returning id", Long.class, payload(email, username));
    }

    /** Never published: the sweep publishes it (as after a registration while Redis was down). */
    public static long unpublished(JdbcTemplate jdbc, String payload, Instant createdAt) {
        return jdbc.queryForObject("insert into email_outbox (job_type, payload, created_at, due_at) "
                + "values ('registration', ?, ?, ?) returning id", Long.class, payload, Timestamp.from(createdAt),
                Timestamp.from(createdAt));
    }
}
