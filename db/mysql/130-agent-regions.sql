-- The agent module: regions (groups of SSH jump hosts), their bindings to tree nodes, their proxies (the jump
-- hosts) and the subnets or /regex/ of a binding whose hosts are reached through the region's proxies.
CREATE TABLE openc3_agent_region (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    projectid   BIGINT       NOT NULL,
    name        VARCHAR(100) NOT NULL,
    create_time VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_agent_region_name (projectid, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_agent_project_region_relation (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    projectid   BIGINT       NOT NULL,
    regionid    INT UNSIGNED NOT NULL,
    create_time VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_agent_relation (projectid, regionid),
    KEY ix_agent_relation_region (regionid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_agent_proxy (
    id        INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    regionid  INT UNSIGNED NOT NULL,
    projectid BIGINT       NOT NULL,
    ip        VARCHAR(100) NOT NULL,
    status    VARCHAR(100) NOT NULL,
    fail      INT UNSIGNED NOT NULL DEFAULT 0,
    reason    VARCHAR(100) NULL,
    version   VARCHAR(100) NULL,
    edit_time VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_agent_proxy_ip (projectid, ip),
    KEY ix_agent_proxy_region (regionid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_agent_agent (
    id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    relationid INT UNSIGNED NOT NULL,
    projectid  BIGINT       NOT NULL,
    ip         VARCHAR(100) NOT NULL,
    status     VARCHAR(100) NOT NULL,
    fail       INT UNSIGNED NOT NULL DEFAULT 0,
    reason     VARCHAR(100) NULL,
    version    VARCHAR(100) NULL,
    edit_time  VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_agent_agent_ip (projectid, ip),
    KEY ix_agent_agent_relation (relationid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
