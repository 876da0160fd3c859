-- Machines a tree node adds by hand to its connector resources (`name::inip::exip` or a bare ip).
-- Deleted rows stay with status `deleted` and a renamed name, so the name can be added again.
CREATE TABLE openc3_job_nodelist (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    projectid   BIGINT       NOT NULL,
    name        VARCHAR(150) NOT NULL,
    inip        VARCHAR(50)  NOT NULL,
    exip        VARCHAR(50)  NOT NULL,
    type        VARCHAR(30)  NOT NULL DEFAULT 'extend',
    create_user VARCHAR(100) NOT NULL,
    create_time VARCHAR(20)  NOT NULL,
    edit_user   VARCHAR(100) NOT NULL,
    edit_time   VARCHAR(20)  NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_job_nodelist_name (projectid, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
