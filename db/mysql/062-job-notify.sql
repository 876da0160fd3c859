-- Who hears about a tree node's finished tasks; `_` stands for the user who started the task.
CREATE TABLE openc3_job_notify (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    projectid   BIGINT       NOT NULL,
    user        VARCHAR(250) NOT NULL,
    create_user VARCHAR(100) NOT NULL,
    create_time VARCHAR(20)  NOT NULL,
    edit_user   VARCHAR(100) NOT NULL,
    edit_time   VARCHAR(20)  NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_job_notify_user (projectid, user)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
