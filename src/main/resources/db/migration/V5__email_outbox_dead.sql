-- An outbox row that can never become an email (README "Registration email") is set aside with
-- its reason instead of stopping every sweep behind it.
ALTER TABLE email_outbox ADD COLUMN dead_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE email_outbox ADD COLUMN last_error VARCHAR(500);
