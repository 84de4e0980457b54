-- What V6 and V7 kept only so that instances of an earlier release could run next to new ones
-- while a deploy rolled over (docs/configuration.md "Database"). No such release exists: every
-- insert sets due_at, and nothing maps or reads attempts (send_attempts is the count that matters).
ALTER TABLE email_outbox DROP COLUMN attempts;
ALTER TABLE email_outbox ALTER COLUMN due_at DROP DEFAULT;
