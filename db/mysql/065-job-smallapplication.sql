-- Light apps: a job shown as a button. jobid and treeid are text, as upstream stores and answers them.
CREATE TABLE openc3_job_smallapplication (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    jobid       VARCHAR(20)   NOT NULL,
    type        VARCHAR(100)  NOT NULL,
    title       VARCHAR(1000) NOT NULL,
    `describe`  VARCHAR(1000) NOT NULL,
    parameter   VARCHAR(1000) NOT NULL,
    edit_user   VARCHAR(100)  NOT NULL,
    create_user VARCHAR(100)  NOT NULL,
    edit_time   VARCHAR(20)   NOT NULL,
    create_time VARCHAR(20)   NOT NULL,
    treeid      VARCHAR(20)   NOT NULL DEFAULT '0',
    UNIQUE KEY uq_job_smallapplication (jobid, treeid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
