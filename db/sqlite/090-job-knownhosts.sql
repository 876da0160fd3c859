-- Hosts' SSH keys, pinned on first use; a host that later presents another key fails until an admin accepts it.
CREATE TABLE openc3_job_knownhosts (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    host              TEXT    NOT NULL,
    port              INTEGER NOT NULL,
    keytype           TEXT    NOT NULL,
    fingerprint       TEXT    NOT NULL,
    presented_keytype TEXT    NULL,
    presented         TEXT    NULL,
    create_user       TEXT    NOT NULL,
    create_time       TEXT    NOT NULL,
    edit_user         TEXT    NOT NULL,
    edit_time         TEXT    NOT NULL,
    UNIQUE (host, port)
);
