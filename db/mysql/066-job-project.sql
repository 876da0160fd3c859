-- Per tree node status of the job module (`active|inactive`); a node without a row is active.
CREATE TABLE openc3_job_project (
    id        BIGINT       NOT NULL PRIMARY KEY,
    status    VARCHAR(100) NOT NULL,
    edit_user VARCHAR(100) NOT NULL,
    edit_time VARCHAR(20)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
