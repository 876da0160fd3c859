-- Version variables: `KEY:[value]` lines a task's output reported per host (written by the execution engine).
CREATE TABLE openc3_job_vv (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    projectid   BIGINT       NOT NULL,
    node        VARCHAR(100) NOT NULL,
    name        VARCHAR(100) NOT NULL,
    value       VARCHAR(100) NOT NULL,
    update_time VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_job_vv (projectid, node, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
