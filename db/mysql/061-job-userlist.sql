-- Remote accounts a step may run as, offered per tree node; projectid 0 rows are offered everywhere.
CREATE TABLE openc3_job_userlist (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    projectid   BIGINT       NOT NULL,
    username    VARCHAR(150) NOT NULL,
    create_user VARCHAR(100) NOT NULL,
    create_time VARCHAR(20)  NOT NULL,
    edit_user   VARCHAR(100) NOT NULL,
    edit_time   VARCHAR(20)  NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_job_userlist_name (projectid, username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
