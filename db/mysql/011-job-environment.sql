CREATE TABLE openc3_job_environment (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    `key`       VARCHAR(200)  NOT NULL,
    `value`     VARCHAR(5000) NOT NULL,
    create_user VARCHAR(100)  NOT NULL,
    create_time VARCHAR(20)   NOT NULL,
    UNIQUE KEY uq_environment_key (`key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 ROW_FORMAT=DYNAMIC;
