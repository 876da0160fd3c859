-- Grain state for the embedded profile (SqliteGrainStorage).
CREATE TABLE IF NOT EXISTS orleans_grain_state (
    service_id  TEXT    NOT NULL,
    state_name  TEXT    NOT NULL,
    grain_id    TEXT    NOT NULL,
    etag        INTEGER NOT NULL,
    payload     BLOB    NOT NULL,
    modified_at TEXT    NOT NULL,
    PRIMARY KEY (service_id, state_name, grain_id)
) WITHOUT ROWID;
