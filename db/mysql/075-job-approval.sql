-- Approval rows: one per approver of an approval batch (`taskuuid` is the batch id, not a task uuid).
-- Written by the approval grain as a projection of its state; the approval list routes read it.
CREATE TABLE openc3_job_approval (
    id           INT UNSIGNED   NOT NULL AUTO_INCREMENT PRIMARY KEY,
    taskuuid     VARCHAR(20)    NOT NULL,
    uuid         VARCHAR(20)    NOT NULL,
    user         VARCHAR(100)   NOT NULL,
    name         VARCHAR(200)   NOT NULL,
    submitter    VARCHAR(100)   NOT NULL,
    oauuid       VARCHAR(100)   NOT NULL DEFAULT '0',
    notifystatus VARCHAR(100)   NOT NULL DEFAULT 'null',
    cont         MEDIUMTEXT     NOT NULL,
    opinion      VARCHAR(20)    NOT NULL DEFAULT 'unconfirmed',
    remarks      VARCHAR(1000)  NOT NULL DEFAULT '',
    create_time  VARCHAR(20)    NOT NULL,
    finishtime   VARCHAR(20)    NULL,
    assist       VARCHAR(100)   NULL,
    everyone     VARCHAR(20)    NOT NULL,
    oasync       VARCHAR(20)    NOT NULL DEFAULT '0',
    UNIQUE KEY uq_approval_uuid (uuid),
    INDEX ix_approval_batch (taskuuid),
    INDEX ix_approval_user (user, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC;
