-- What the check loop saw of each host placed on a checked tree node: one row per node and address, kept when the
-- host leaves the node (as upstream). `fail` counts failed checks in a row; the agent's `nodeinfo` shows the rows.
CREATE TABLE openc3_agent_monitor (
    id        INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    projectid BIGINT       NOT NULL,
    ip        VARCHAR(100) NOT NULL,
    status    VARCHAR(100) NOT NULL,
    fail      INT UNSIGNED NOT NULL DEFAULT 0,
    reason    VARCHAR(100) NULL,
    version   VARCHAR(100) NULL,
    edit_time VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_agent_monitor_ip (projectid, ip)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
