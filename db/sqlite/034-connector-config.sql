-- Overrides of the connector settings; keys without a row keep their built-in default.
CREATE TABLE openc3_connector_config (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    `key`     TEXT NOT NULL UNIQUE,
    `value`   TEXT NOT NULL,
    edit_user TEXT NOT NULL,
    edit_time TEXT NOT NULL
);
