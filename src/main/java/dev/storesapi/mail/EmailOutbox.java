package dev.storesapi.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Writes email jobs into the outbox, inside the caller's transaction. */
@Component
public class EmailOutbox {

    private final OutboxRepository outbox;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    private final EmailProperties properties;

    EmailOutbox(OutboxRepository outbox, ApplicationEventPublisher events, JsonMapper json, Clock clock,
            EmailProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Must join the registration's transaction: the user and their email exist together or not at all. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueRegistrationEmail(long userId, String email, String username) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("user_id", userId);
        payload.put("email", email);
        payload.put("username", username);
        Instant now = clock.instant();
        OutboxEvent event = outbox.save(new OutboxEvent(EmailJob.REGISTRATION, json.writeValueAsString(payload),
                now, now.plus(properties.sweepAfter())));
        // Delivered to OutboxRelay after the commit, never before: a rolled-back job is never sent.
        events.publishEvent(new OutboxEventSaved(event.getId()));
    }

    /** The job of a row; {@link InvalidEmailJobException} when the row can never become one. */
    EmailJob toJob(OutboxEvent event) {
        Map<?, ?> payload;
        try {
            payload = json.readValue(event.getPayload(), Map.class);
        } catch (JacksonException unparseable) {
            // Not Jackson's message: it names Java types, and admins see this reason (GET /admin/emails/dead).
            throw new InvalidEmailJobException("payload is not a JSON object");
        }
        if (!(payload.get("user_id") instanceof Number userId) || !(payload.get("email") instanceof String email)
                || !(payload.get("username") instanceof String username)) {
            throw new InvalidEmailJobException("payload needs a numeric user_id and string email and username");
        }
        return new EmailJob(event.getId(), userId.longValue(), email, username);
    }

    record OutboxEventSaved(long outboxId) {
    }
}
