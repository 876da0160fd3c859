CREATE TABLE IF NOT EXISTS openc3_job_environment (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    `key`       TEXT NOT NULL UNIQUE,
    `value`     TEXT NOT NULL,
    create_user TEXT NOT NULL,
    create_time TEXT NOT NULL
);
