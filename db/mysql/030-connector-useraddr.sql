-- Address book: how to reach a user by mail and by SMS (or an IM bot id in `phone`).
CREATE TABLE openc3_connector_useraddr (
    id        BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    `user`    VARCHAR(100) NOT NULL,
    email     VARCHAR(200) NOT NULL,
    phone     VARCHAR(500) NOT NULL,
    voicemail VARCHAR(200) NOT NULL,
    edit_user VARCHAR(100) NOT NULL,
    edit_time VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_useraddr_user (`user`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
