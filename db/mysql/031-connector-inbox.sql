-- The built-in message exits keep what they deliver here; users read their own rows back.
CREATE TABLE openc3_connector_usermail (
    id      BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    `user`  VARCHAR(200) NOT NULL,
    `time`  VARCHAR(20)  NOT NULL,
    title   VARCHAR(500) NOT NULL,
    content TEXT         NOT NULL,
    INDEX ix_usermail_user (`user`, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_connector_usermesg (
    id     BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    `user` VARCHAR(500) NOT NULL,
    `time` VARCHAR(20)  NOT NULL,
    mesg   TEXT         NOT NULL,
    INDEX ix_usermesg_user (`user`, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
