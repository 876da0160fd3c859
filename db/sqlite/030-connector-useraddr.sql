-- Address book: how to reach a user by mail and by SMS (or an IM bot id in `phone`).
CREATE TABLE openc3_connector_useraddr (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    `user`    TEXT NOT NULL UNIQUE,
    email     TEXT NOT NULL,
    phone     TEXT NOT NULL,
    voicemail TEXT NOT NULL,
    edit_user TEXT NOT NULL,
    edit_time TEXT NOT NULL
);
