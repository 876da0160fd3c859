-- The built-in message exits keep what they deliver here; users read their own rows back.
CREATE TABLE openc3_connector_usermail (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    `user`  TEXT NOT NULL,
    `time`  TEXT NOT NULL,
    title   TEXT NOT NULL,
    content TEXT NOT NULL
);
CREATE INDEX ix_usermail_user ON openc3_connector_usermail (`user`, id);
CREATE TABLE openc3_connector_usermesg (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    `user` TEXT NOT NULL,
    `time` TEXT NOT NULL,
    mesg   TEXT NOT NULL
);
CREATE INDEX ix_usermesg_user ON openc3_connector_usermesg (`user`, id);
