CREATE TABLE IF NOT EXISTS openc3_connector_auditlog (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    time    TEXT NOT NULL,
    user    TEXT NOT NULL,
    title   TEXT NOT NULL,
    content TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_auditlog_time ON openc3_connector_auditlog (time);
