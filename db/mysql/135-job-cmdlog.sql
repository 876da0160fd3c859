-- Web terminal command lines (`/api/job/cmd/:treeid/log`): who typed what on which hosts as which account.
CREATE TABLE openc3_job_cmdlog (
    id        INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    projectid BIGINT       NOT NULL,
    user      VARCHAR(100) NOT NULL,
    node      VARCHAR(500) NOT NULL,
    usr       VARCHAR(100) NOT NULL,
    cmd       VARCHAR(500) NOT NULL,
    time      VARCHAR(20)  NOT NULL,
    KEY ix_job_cmdlog_projectid (projectid, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
