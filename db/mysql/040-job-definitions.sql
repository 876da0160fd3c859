-- Jobs, their steps (never updated in place: a save inserts new rows), variables, scripts and node groups.
-- Times are 'YYYY-MM-DD HH:MM:SS' text; names are unique per tree node (case-sensitive, as on SQLite),
-- deleted rows keep a suffixed name. Free-text step fields are TEXT so both profiles accept the same input.
CREATE TABLE openc3_job_jobs (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    projectid   BIGINT       NOT NULL,
    uuid        VARCHAR(20)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    uuids       TEXT         NOT NULL,
    status      VARCHAR(100) NOT NULL DEFAULT 'transient',
    mon_ids     TEXT         NOT NULL,
    mon_status  INT UNSIGNED NOT NULL DEFAULT 0,
    create_user VARCHAR(100) NOT NULL,
    create_time VARCHAR(20)  NOT NULL,
    edit_user   VARCHAR(100) NOT NULL,
    edit_time   VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_jobs_uuid (uuid),
    UNIQUE KEY uq_jobs_projectid_name (projectid, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_job_plugin_cmd (
    id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    jobuuid      VARCHAR(20) NOT NULL,
    uuid         VARCHAR(20) NOT NULL,
    name         TEXT        NOT NULL,
    user         TEXT        NOT NULL,
    node_type    VARCHAR(20) NOT NULL,
    node_cont    TEXT        NOT NULL,
    scripts_type VARCHAR(32) NOT NULL,
    scripts_cont MEDIUMTEXT  NOT NULL,
    scripts_argv TEXT        NOT NULL,
    timeout      TEXT        NOT NULL,
    pause        TEXT        NOT NULL,
    deployenv    VARCHAR(20) NOT NULL,
    action       VARCHAR(20) NOT NULL,
    batches      VARCHAR(20) NOT NULL,
    create_time  VARCHAR(20) NOT NULL,
    UNIQUE KEY uq_plugin_cmd_uuid (uuid),
    INDEX ix_plugin_cmd_jobuuid (jobuuid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_job_plugin_scp (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    jobuuid     VARCHAR(20) NOT NULL,
    uuid        VARCHAR(20) NOT NULL,
    name        TEXT        NOT NULL,
    user        TEXT        NOT NULL,
    src         TEXT        NOT NULL,
    src_type    VARCHAR(20) NOT NULL,
    sp          TEXT        NOT NULL,
    dst         TEXT        NOT NULL,
    dst_type    VARCHAR(20) NOT NULL,
    dp          TEXT        NOT NULL,
    chown       TEXT        NOT NULL,
    chmod       TEXT        NOT NULL,
    timeout     TEXT        NOT NULL,
    scp_delete  VARCHAR(20) NOT NULL,
    pause       TEXT        NOT NULL,
    deployenv   VARCHAR(20) NOT NULL,
    action      VARCHAR(20) NOT NULL,
    batches     VARCHAR(20) NOT NULL,
    create_time VARCHAR(20) NOT NULL,
    UNIQUE KEY uq_plugin_scp_uuid (uuid),
    INDEX ix_plugin_scp_jobuuid (jobuuid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_job_plugin_approval (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    jobuuid     VARCHAR(20) NOT NULL,
    uuid        VARCHAR(20) NOT NULL,
    name        TEXT        NOT NULL,
    cont        TEXT        NOT NULL,
    approver    TEXT        NOT NULL,
    deployenv   VARCHAR(20) NOT NULL,
    action      VARCHAR(20) NOT NULL,
    batches     VARCHAR(20) NOT NULL,
    everyone    VARCHAR(20) NOT NULL,
    timeout     TEXT        NOT NULL,
    pause       TEXT        NOT NULL,
    relaxed     VARCHAR(20) NOT NULL DEFAULT 'off',
    create_time VARCHAR(20) NOT NULL,
    UNIQUE KEY uq_plugin_approval_uuid (uuid),
    INDEX ix_plugin_approval_jobuuid (jobuuid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_job_variable (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    jobuuid     VARCHAR(20)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    value       TEXT         NOT NULL,
    `describe`  TEXT         NOT NULL,
    `option`    TEXT         NOT NULL,
    env         VARCHAR(10)  NOT NULL DEFAULT '',
    create_user VARCHAR(100) NOT NULL,
    create_time VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_variable_jobuuid_name (jobuuid, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_job_scripts (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    projectid   BIGINT       NOT NULL,
    name        VARCHAR(200) NOT NULL,
    type        VARCHAR(32)  NOT NULL,
    cont        MEDIUMTEXT   NOT NULL,
    create_user VARCHAR(100) NOT NULL,
    create_time VARCHAR(20)  NOT NULL,
    edit_user   VARCHAR(100) NOT NULL,
    edit_time   VARCHAR(20)  NOT NULL,
    status      VARCHAR(100) NOT NULL DEFAULT 'available',
    UNIQUE KEY uq_scripts_projectid_name (projectid, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_job_nodegroup (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    projectid   BIGINT       NOT NULL,
    name        VARCHAR(200) NOT NULL,
    plugin      VARCHAR(100) NOT NULL,
    params      MEDIUMTEXT   NOT NULL,
    create_user VARCHAR(100) NOT NULL,
    create_time VARCHAR(20)  NOT NULL,
    edit_user   VARCHAR(100) NOT NULL,
    edit_time   VARCHAR(20)  NOT NULL,
    status      VARCHAR(100) NOT NULL DEFAULT 'available',
    UNIQUE KEY uq_nodegroup_projectid_name (projectid, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
