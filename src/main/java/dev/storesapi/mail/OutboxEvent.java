package dev.storesapi.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of email_outbox: a job written in the same transaction as what caused it. */
@Entity
@Table(name = "email_outbox")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_type", nullable = false, length = 40)
    private String jobType;

    @Column(nullable = false, length = 2000)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "dead_at")
    private Instant deadAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "send_attempts", nullable = false)
    private int sendAttempts;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "queue_ref", length = 64)
    private String queueRef;

    @Column(name = "due_at")
    private Instant dueAt;

    protected OutboxEvent() {
    }

    /** {@code dueAt}: when the sweep publishes it if the publish right after the commit did not. */
    OutboxEvent(String jobType, String payload, Instant createdAt, Instant dueAt) {
        this.jobType = jobType;
        this.payload = payload;
        this.createdAt = createdAt;
        this.dueAt = dueAt;
    }

    public Long getId() {
        return id;
    }

    String getJobType() {
        return jobType;
    }

    String getPayload() {
        return payload;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getSentAt() {
        return sentAt;
    }

    Instant getDeadAt() {
        return deadAt;
    }

    int getSendAttempts() {
        return sendAttempts;
    }

    String getLastError() {
        return lastError;
    }

    /** When the job was first published (since it was last revived); null while it never was. */
    Instant getPublishedAt() {
        return publishedAt;
    }

    /** When the sweep looks at it again (unless it is sent or dead by then); null once it is either. */
    Instant getDueAt() {
        return dueAt;
    }

    /** The sweep looks at it again then (unless it is sent or dead by then). */
    void postpone(Instant dueAgainAt) {
        dueAt = dueAgainAt;
    }

    /** A dead job, to be sent again from scratch: published at once, with all its attempts. */
    void revive(Instant now) {
        deadAt = null;
        sendAttempts = 0;
        publishedAt = null;
        dueAt = now;
    }

    static String truncated(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    }
}
