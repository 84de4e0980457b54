-- PostgreSQL is the record of delivery (README "Registration email"): a job is done when a worker
-- has sent it and written sent_at here, not when it reached Redis. Redis is only the transport, so
-- losing its contents delays an email, never loses it.

-- When the mail server accepted the email.
ALTER TABLE email_outbox ADD COLUMN sent_at TIMESTAMP WITH TIME ZONE;
-- How many sends were started (counted when a worker claims the job).
ALTER TABLE email_outbox ADD COLUMN send_attempts INT NOT NULL DEFAULT 0;
-- A worker sending the job holds it until then, so a second worker or a redelivered copy of the
-- message does not send it too: twice the longest a whole send may take.
ALTER TABLE email_outbox ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
-- Where the last publish put the job: the Redis Stream message id.
ALTER TABLE email_outbox ADD COLUMN queue_ref VARCHAR(64);
-- When the sweep next looks at the job: to publish it if it never was, or again if it was published
-- but is neither sent nor still in the queue. NULL once there is nothing left to do (sent or dead).
ALTER TABLE email_outbox ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;

-- Rows published before this migration were tracked in Redis (the key emails:sent:{id}, 7 days);
-- whether they were sent is not known here, so the sweep leaves them alone (re-sending old emails
-- to every user would be worse). A copy still in the stream is sent unless that key says it was.
UPDATE email_outbox SET due_at = created_at WHERE published_at IS NULL AND dead_at IS NULL;
-- Rows the previous version still writes while a deploy rolls over (it knows nothing of due_at)
-- become due after five minutes, so the sweep publishes them if that version did not; a worker
-- records those its predecessor marked sent in Redis instead of sending them again.
ALTER TABLE email_outbox ALTER COLUMN due_at SET DEFAULT (CURRENT_TIMESTAMP + INTERVAL '5' MINUTE);

DROP INDEX ix_email_outbox_unpublished;
-- The sweep reads rows by due_at; sent and dead rows (due_at NULL) never match.
CREATE INDEX ix_email_outbox_due ON email_outbox (due_at);
