-- Secrets the silos share and keep across restarts (e.g. the key that names crontab runs). The first silo
-- to need one inserts a random value; `INSERT OR IGNORE` makes every other silo read that same value.
CREATE TABLE openc3_server_secret (
    name   TEXT NOT NULL PRIMARY KEY,
    secret TEXT NOT NULL
);
