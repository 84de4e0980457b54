-- email_outbox.attempts counted publish tries and nothing ever read it (send_attempts, V6, is the
-- count that matters). The application stops writing it; the default keeps inserts valid.
-- Dropping the column is left to a later release: instances of the previous release, which still
-- write it, run next to new ones while a deploy rolls out.
ALTER TABLE email_outbox ALTER COLUMN attempts SET DEFAULT 0;
