-- Resources (hosts) of service-tree nodes kept by the built-in connector. Deleted rows stay, renamed.
CREATE TABLE openc3_connector_nodelist (
    id          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    projectid   BIGINT       NOT NULL,
    name        VARCHAR(100) NOT NULL,
    inip        VARCHAR(50)  NOT NULL,
    exip        VARCHAR(50)  NOT NULL,
    type        VARCHAR(30)  NOT NULL,
    create_user VARCHAR(100) NOT NULL,
    create_time VARCHAR(20)  NOT NULL,
    edit_user   VARCHAR(100) NOT NULL,
    edit_time   VARCHAR(20)  NOT NULL,
    status      VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_nodelist_name (projectid, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
