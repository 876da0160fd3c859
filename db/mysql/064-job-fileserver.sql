-- Files of a tree node. The content is a blob named by its md5 in the blob store (`FileServer:Path`),
-- shared by every row with the same md5; `size` is text, as upstream answers it.
CREATE TABLE openc3_job_fileserver (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    projectid   BIGINT       NOT NULL,
    name        VARCHAR(250) NOT NULL,
    size        VARCHAR(20)  NOT NULL,
    md5         CHAR(32)     NOT NULL,
    create_user VARCHAR(100) NOT NULL,
    create_time VARCHAR(20)  NOT NULL,
    edit_user   VARCHAR(100) NOT NULL,
    edit_time   VARCHAR(20)  NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_job_fileserver_name (projectid, name),
    INDEX ix_job_fileserver_md5 (md5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
