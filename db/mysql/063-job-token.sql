-- File server upload tokens. Only a SHA-256 of the token is kept (and a masked form to show);
-- the token itself is shown once, when it is created.
CREATE TABLE openc3_job_token (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    projectid   BIGINT        NOT NULL,
    token_hash  VARCHAR(100)  NOT NULL,
    token_mask  VARCHAR(20)   NOT NULL,
    `describe`  VARCHAR(250)  NOT NULL,
    isjob       VARCHAR(8)    NOT NULL,
    jobname     VARCHAR(250)  NOT NULL,
    create_user VARCHAR(100)  NOT NULL,
    create_time VARCHAR(20)   NOT NULL,
    edit_user   VARCHAR(100)  NOT NULL,
    edit_time   VARCHAR(20)   NOT NULL,
    status      VARCHAR(20)   NOT NULL,
    UNIQUE KEY uq_job_token (projectid, token_hash),
    INDEX ix_job_token_hash (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
