-- Notices of task episodes (`<task uuid>:success|fail|waiting-N`) and approval requests (`approval:<uuid>`):
-- a notice is recorded once (the unique key makes it at most once, across restarts and silos), together
-- with one delivery per recipient and channel, which is retried with back-off until done or failed.
CREATE TABLE openc3_job_notice (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    notice      VARCHAR(100) NOT NULL,
    deliveries  INT          NOT NULL,
    create_time VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_job_notice (notice)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_job_notice_delivery (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    notice      VARCHAR(100) NOT NULL,
    channel     VARCHAR(10)  NOT NULL,
    recipient   VARCHAR(250) NOT NULL,
    title       TEXT         NOT NULL,
    content     TEXT         NOT NULL,
    status      VARCHAR(10)  NOT NULL,
    attempts    INT          NOT NULL DEFAULT 0,
    next_at     BIGINT       NOT NULL,
    error       VARCHAR(500),
    update_time VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_job_notice_delivery (notice, channel, recipient)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
