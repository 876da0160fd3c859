-- The check switch of a tree node: when `on`, the check loop probes the proxies of the node's regions.
-- Never-checked nodes keep upstream's 1971 timestamps.
CREATE TABLE openc3_agent_check (
    id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    projectid    BIGINT       NOT NULL,
    user         VARCHAR(100) NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    slave        VARCHAR(100) NULL,
    last_check   VARCHAR(20)  NOT NULL DEFAULT '1971-01-01 00:00:00',
    last_success VARCHAR(20)  NOT NULL DEFAULT '1971-01-01 00:00:00',
    create_time  VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_agent_check (projectid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
