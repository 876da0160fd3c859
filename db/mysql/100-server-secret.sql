-- Secrets the silos share and keep across restarts (e.g. the key that names crontab runs). The first silo
-- to need one inserts a random value; `INSERT IGNORE` makes every other silo read that same value.
CREATE TABLE openc3_server_secret (
    name   VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret VARCHAR(128) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
