-- The check switch of a tree node: when `on`, the check loop probes the proxies of the node's regions.
-- Never-checked nodes keep upstream's 1971 timestamps.
CREATE TABLE openc3_agent_check (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    projectid    INTEGER NOT NULL UNIQUE,
    user         TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    slave        TEXT    NULL,
    last_check   TEXT    NOT NULL DEFAULT '1971-01-01 00:00:00',
    last_success TEXT    NOT NULL DEFAULT '1971-01-01 00:00:00',
    create_time  TEXT    NOT NULL
);
