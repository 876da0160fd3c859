-- Hosts' SSH keys, pinned on first use; a host that later presents another key fails until an admin accepts it.
CREATE TABLE openc3_job_knownhosts (
    id                INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    host              VARCHAR(255) NOT NULL,
    port              INT          NOT NULL,
    keytype           VARCHAR(64)  NOT NULL,
    fingerprint       VARCHAR(100) NOT NULL,
    presented_keytype VARCHAR(64)  NULL,
    presented         VARCHAR(100) NULL,
    create_user       VARCHAR(100) NOT NULL,
    create_time       VARCHAR(20)  NOT NULL,
    edit_user         VARCHAR(100) NOT NULL,
    edit_time         VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_job_knownhosts (host, port)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
