CREATE TABLE openc3_connector_auditlog (
    id      INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    `time`  VARCHAR(20)   NOT NULL,
    `user`  VARCHAR(100)  NOT NULL,
    title   VARCHAR(200)  NOT NULL,
    content VARCHAR(1000) NOT NULL,
    INDEX ix_auditlog_time (`time`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 ROW_FORMAT=DYNAMIC;
