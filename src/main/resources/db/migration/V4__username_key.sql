-- Usernames become unique whatever their case, as emails already are (README "Security"): a
-- lower-cased copy with a unique constraint (an expression index would do on PostgreSQL, but not
-- on the embedded H2). Accounts registered before whose names differ only in case keep working:
-- the oldest keeps its name, each later one gets "~<id>" appended (Jose, jose → Jose, jose~17):
-- registration never allows '~' in a username, so the new name cannot belong to anyone else.
ALTER TABLE users ADD COLUMN username_key VARCHAR(80);

UPDATE users
SET username = SUBSTRING(username FROM 1 FOR 79 - LENGTH(CAST(id AS VARCHAR(20)))) || '~' || CAST(id AS VARCHAR(20))
WHERE EXISTS (SELECT 1 FROM users older WHERE LOWER(older.username) = LOWER(users.username) AND older.id < users.id);

UPDATE users SET username_key = LOWER(username);

ALTER TABLE users ALTER COLUMN username_key SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT uq_users_username;
ALTER TABLE users ADD CONSTRAINT uq_users_username_key UNIQUE (username_key);
