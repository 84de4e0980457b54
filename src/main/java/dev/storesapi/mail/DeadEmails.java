package dev.storesapi.mail;

import dev.storesapi.error.ConflictException;
import dev.storesapi.error.NotFoundException;
import dev.storesapi.mail.EmailOutbox.OutboxEventSaved;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Email jobs that were given up, for an admin to look at and send again (docs/email.md). */
@Service
class DeadEmails {

    private static final Logger log = LoggerFactory.getLogger(DeadEmails.class);

    private final OutboxRepository outbox;
    private final EmailOutbox jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeadEmails(OutboxRepository outbox, EmailOutbox jobs, ApplicationEventPublisher events, Clock clock) {
        this.outbox = outbox;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page<DeadEmailResponse> list(Pageable page) {
        return outbox.findByDeadAtIsNotNull(page).map(DeadEmailResponse::from);
    }

    /**
     * Sends a dead job again from scratch (all its attempts), published right after the commit.
     * Only a dead one: a pending job is on its way, and a sent one must not go twice.
     */
    @Transactional
    void resend(long id) {
        OutboxEvent event = outbox.findForUpdate(id).orElseThrow(() -> new NotFoundException("Email job not found."));
        if (event.getDeadAt() == null) {
            throw new ConflictException(event.getSentAt() != null ? "This email was sent already."
                    : "This email job is still being delivered; only a dead one can be sent again.");
        }
        try {
            jobs.toJob(event);
        } catch (InvalidEmailJobException invalid) {
            throw new ConflictException("This email job can never be sent: " + invalid.getMessage());
        }
        event.revive(clock.instant());
        events.publishEvent(new OutboxEventSaved(id));
        log.info("Email job {} queued to be sent again by an admin", id);
    }
}
