-- Overrides of the connector settings; keys without a row keep their built-in default.
CREATE TABLE openc3_connector_config (
    id        BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    `key`     VARCHAR(100)  NOT NULL,
    `value`   VARCHAR(1000) NOT NULL,
    edit_user VARCHAR(100)  NOT NULL,
    edit_time VARCHAR(20)   NOT NULL,
    UNIQUE KEY uq_config_key (`key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
