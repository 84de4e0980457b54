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

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "dead_at")
    private Instant deadAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    protected OutboxEvent() {
    }

    OutboxEvent(String jobType, String payload, Instant createdAt) {
        this.jobType = jobType;
        this.payload = payload;
        this.createdAt = createdAt;
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

    void countAttempt() {
        attempts++;
    }

    /** Never to be published: the sweep skips it from now on. */
    void markDead(Instant now, String reason) {
        deadAt = now;
        lastError = reason.length() > 500 ? reason.substring(0, 500) : reason;
    }
}
