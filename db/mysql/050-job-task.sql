-- Tasks and their steps as the API lists them (written by the task and subtask grains), and step/task logs.
CREATE TABLE openc3_job_task (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    projectid    BIGINT       NOT NULL,
    uuid         VARCHAR(20)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    user         VARCHAR(100) NOT NULL,
    slave        VARCHAR(100) NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    starttimems  VARCHAR(20)  NULL,
    finishtimems VARCHAR(20)  NULL,
    starttime    VARCHAR(20)  NULL,
    finishtime   VARCHAR(20)  NULL,
    calltype     VARCHAR(100) NOT NULL,
    jobtype      VARCHAR(100) NOT NULL,
    jobuuid      VARCHAR(100) NOT NULL,
    runtime      VARCHAR(100) NULL,
    mutex        VARCHAR(100) NOT NULL DEFAULT '',
    reason       VARCHAR(500) NULL,
    variable     TEXT         NULL,
    extid        VARCHAR(50)  NOT NULL DEFAULT '',
    UNIQUE KEY uq_task_uuid (uuid),
    INDEX ix_task_project (projectid, starttime)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_job_subtask (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    parent_uuid  VARCHAR(20) NOT NULL,
    subtask_type VARCHAR(20) NOT NULL,
    uuid         VARCHAR(20) NOT NULL,
    nodecount    VARCHAR(20) NULL,
    starttime    VARCHAR(20) NULL,
    finishtime   VARCHAR(20) NULL,
    runtime      VARCHAR(20) NULL,
    status       VARCHAR(20) NULL,
    pause        VARCHAR(100) NOT NULL DEFAULT '',
    UNIQUE KEY uq_subtask (parent_uuid, subtask_type, uuid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_job_log (
    id       BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    log_uuid VARCHAR(64) NOT NULL,
    text     MEDIUMTEXT  NOT NULL,
    time     BIGINT      NOT NULL,
    INDEX ix_log_uuid (log_uuid, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
