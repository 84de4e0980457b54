package dev.storesapi.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The idempotency_keys table (db/migration/V9) and the locks on keys in use. Both {@link #claim} and
 * {@link #store} run in the transaction of the request's write: the lock on the key lasts until that
 * transaction ends, and the answer is stored in it, so a repeat finds either the key locked (the
 * first still runs) or the first's answer (it committed), never a write without its answer.
 */
@Component
class IdempotencyKeys {

    /**
     * The lock on a key in use: on PostgreSQL a transaction-level advisory lock, which every instance
     * sees and which is let go when the transaction ends, also when its instance dies; two keys that
     * share the 32-bit hash share the lock (at worst a request is answered 409 while the other runs).
     * Advisory locks are one namespace per database: this first half of the lock's id names ours. The
     * embedded database has no such locks and serves one process: {@link KeysLockedHere} there.
     */
    private static final int LOCK_CLASS = 0x1de9_0001;

    /** The lock (%s) and the key's row, if it has one. */
    private static final String LOCK_AND_LOOK_UP = "select %s as locked, k.id, k.request_hash, k.status, "
            + "k.content_type, k.location, k.etag, k.body, k.expires_at from (select 1) as one "
            + "left join idempotency_keys k on k.scope = ? and k.idempotency_key = ?";
    private static final RowMapper<Row> ROW = (result, i) -> new Row(result.getBoolean("locked"),
            result.getObject("id", Long.class), result.getString("request_hash"), new StoredAnswer(result.getInt("status"),
            result.getString("content_type"), result.getString("location"), result.getString("etag"),
            result.getString("body")), result.getTimestamp("expires_at"));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final IdempotencyProperties properties;
    private final boolean postgres;
    private final KeysLockedHere lockedHere = new KeysLockedHere();

    IdempotencyKeys(JdbcTemplate jdbc, Clock clock, IdempotencyProperties properties, DataSourceProperties dataSource) {
        this.jdbc = jdbc;
        this.postgres = String.valueOf(dataSource.getUrl()).startsWith("jdbc:postgresql:");
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * In the request's transaction: locks the caller's key until it ends, and tells what to do. On
     * PostgreSQL the lock and the lookup are one round trip, so the lookup's snapshot may predate
     * the commit of a first request that let the lock go a moment before: {@link #store} then finds
     * its row.
     */
    Claim claim(String scope, String key, String requestHash) {
        String name = scope + '\n' + key;
        Row row = postgres
                ? jdbc.queryForObject(LOCK_AND_LOOK_UP.formatted("pg_try_advisory_xact_lock(?, ?)"), ROW, LOCK_CLASS,
                        name.hashCode(), scope, key)
                : jdbc.queryForObject(LOCK_AND_LOOK_UP.formatted(lockedHere.tryLock(name)), ROW, scope, key);
        if (!row.locked()) {
            return new Claim.InUse();
        }
        if (row.id() == null) {
            return new Claim.Claimed();
        }
        if (!row.expiresAt().toInstant().isAfter(clock.instant())) {
            // An expired key is a new key; its old answer goes with the write of this request.
            jdbc.update("delete from idempotency_keys where id = ?", row.id());
            return new Claim.Claimed();
        }
        return row.requestHash().equals(requestHash) ? new Claim.Replay(row.answer()) : new Claim.Reused();
    }

    /**
     * In the transaction of the request's write, after it: the two commit together or not at all.
     * False when a first request with the key committed after {@link #claim} looked: this request
     * then writes nothing, and its caller is told the key is in use, so its retry gets that answer.
     */
    boolean store(String scope, String key, String requestHash, StoredAnswer answer) {
        Instant now = clock.instant();
        return jdbc.update("insert into idempotency_keys (scope, idempotency_key, request_hash, created_at, expires_at, "
                + "status, content_type, location, etag, body) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                scope, key, requestHash, Timestamp.from(now), Timestamp.from(now.plus(properties.keyTtl())),
                answer.status(), answer.contentType(), answer.location(), answer.etag(), answer.body()) == 1;
    }

    /** Whether this caller's key has an answer: a repeat, which no rate limit counts. */
    boolean isKnown(String scope, String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from idempotency_keys where scope = ? "
                + "and idempotency_key = ? and expires_at > ?", Boolean.class, scope, key, Timestamp.from(clock.instant())));
    }

    @Scheduled(fixedDelayString = "${stores.idempotency.purge-interval}")
    void purgeExpired() {
        jdbc.update("delete from idempotency_keys where expires_at <= ?", Timestamp.from(clock.instant()));
    }

    private record Row(boolean locked, @Nullable Long id, String requestHash, StoredAnswer answer, Timestamp expiresAt) {
    }
}
