-- OA approvals raised through the connector when no external OA is configured.
CREATE TABLE openc3_connector_approval (
    id          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    uuid        VARCHAR(20)   NOT NULL,
    content     TEXT          NOT NULL,
    submitter   VARCHAR(100)  NOT NULL,
    approver    VARCHAR(100)  NOT NULL,
    status      VARCHAR(20)   NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    create_time VARCHAR(20)   NOT NULL,
    UNIQUE KEY uq_approval_uuid (uuid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
