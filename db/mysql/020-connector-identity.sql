-- Built-in users, sessions, login audit, grants, service tree and private nodes of the default connector.
CREATE TABLE openc3_connector_userinfo (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    pass        VARCHAR(200) NOT NULL,
    create_time VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_userinfo_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_connector_session (
    sid_hash CHAR(64)     NOT NULL PRIMARY KEY,
    user     VARCHAR(100) NOT NULL,
    expire   BIGINT       NOT NULL,
    INDEX ix_session_user (user)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_connector_user_login_audit (
    id     BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user   VARCHAR(100) NOT NULL,
    action VARCHAR(20)  NOT NULL,
    ip     VARCHAR(64)  NOT NULL,
    t      BIGINT       NOT NULL,
    time   VARCHAR(20)  NOT NULL,
    INDEX ix_login_audit_user (user, t),
    INDEX ix_login_audit_ip (ip, t)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_connector_userauth (
    id    INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name  VARCHAR(100) NOT NULL,
    level INT          NOT NULL,
    UNIQUE KEY uq_userauth_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_connector_userauthtree (
    id    INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name  VARCHAR(100) NOT NULL,
    tree  BIGINT       NOT NULL,
    level INT          NOT NULL,
    UNIQUE KEY uq_userauthtree (name, tree)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_connector_tree (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    len         INT          NOT NULL,
    update_time VARCHAR(20)  NOT NULL,
    UNIQUE KEY uq_tree_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
CREATE TABLE openc3_connector_private (
    id        BIGINT       NOT NULL PRIMARY KEY,
    user      VARCHAR(100) NOT NULL,
    edit_time VARCHAR(20)  NOT NULL,
    edit_user VARCHAR(100) NOT NULL,
    UNIQUE KEY uq_private_user (user)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
