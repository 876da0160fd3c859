-- OA approvals raised through the connector when no external OA is configured.
CREATE TABLE openc3_connector_approval (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT NOT NULL UNIQUE,
    content     TEXT NOT NULL,
    submitter   TEXT NOT NULL,
    approver    TEXT NOT NULL,
    status      TEXT NOT NULL,
    reason      TEXT NOT NULL,
    create_time TEXT NOT NULL
);
