-- Crontabs fire a job of their tree node (through jobuuid) at the minutes of `cron` in `timezone`
-- ('' = the server's zone, our addition). The lock row (crontab, minute number) records a minute as taken.
CREATE TABLE openc3_job_crontab (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(150) NOT NULL,
    jobuuid     VARCHAR(20)  NOT NULL,
    cron        VARCHAR(100) NOT NULL,
    mutex       VARCHAR(100) NOT NULL DEFAULT '',
    timezone    VARCHAR(64)  NOT NULL DEFAULT '',
    create_user VARCHAR(100) NOT NULL,
    create_time VARCHAR(20)  NOT NULL,
    edit_user   VARCHAR(100) NOT NULL,
    edit_time   VARCHAR(20)  NOT NULL,
    status      VARCHAR(100) NOT NULL DEFAULT 'available',
    INDEX ix_crontab_jobuuid (jobuuid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_job_crontablock (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    crontabid   BIGINT       NOT NULL,
    timeid      BIGINT       NOT NULL,
    create_time VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_crontablock (crontabid, timeid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
