-- OpenC3.Orleans - MySQL 8 / MariaDB 10.6+ schema, part 2 of 4: cluster membership
-- for the Orleans ADO.NET clustering provider (Microsoft.Orleans.Clustering.AdoNet).
-- Requires 001-orleans-main.sql (table OrleansQuery).
--
-- Model: one version row per cluster (DeploymentId = ClusterId) plus one row per
-- silo incarnation (address, port, generation). Every membership change must bump
-- the version row in the same transaction, conditioned on the version the silo last
-- read; that is the optimistic concurrency the membership protocol relies on.
--
-- Query keys registered below (all read by the 10.4.2 provider):
--   InsertMembershipVersionKey, InsertMembershipKey, UpdateMembershipKey,
--   UpdateIAmAlivetimeKey, MembershipReadRowKey, MembershipReadAllKey,
--   GatewaysQueryKey, DeleteMembershipTableEntriesKey,
--   CleanupDefunctSiloEntriesKey (required) and
--   CleanupDefunctSiloEntryKey (optional in 10.4.2; when present the provider uses it
--   instead of the bulk cleanup and deletes dead rows one by one, only if the row is
--   still exactly what it read).
--
-- Silo status codes used here (Orleans SiloStatus): 3 = Active, 6 = Dead.
-- Boolean results are returned as a single column holding 1 or 0.

CREATE TABLE OrleansMembershipVersionTable
(
    DeploymentId VARCHAR(150) NOT NULL,
    ModifiedOn   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    Version      INT          NOT NULL DEFAULT 0,

    CONSTRAINT PK_OrleansMembershipVersionTable PRIMARY KEY (DeploymentId)
)
ENGINE = InnoDB
DEFAULT CHARACTER SET = utf8mb4
COLLATE = utf8mb4_bin
ROW_FORMAT = DYNAMIC;

CREATE TABLE OrleansMembershipTable
(
    DeploymentId VARCHAR(150) NOT NULL,
    Address      VARCHAR(45)  NOT NULL,
    Port         INT          NOT NULL,
    Generation   INT          NOT NULL,
    SiloName     VARCHAR(255) NOT NULL,
    HostName     VARCHAR(255) NOT NULL,
    Status       INT          NOT NULL,
    ProxyPort    INT          NOT NULL DEFAULT 0,
    -- Pipe separated list of silo and time suspicion votes, formatted by Orleans.
    SuspectTimes TEXT         NULL,
    StartTime    DATETIME(3)  NOT NULL,
    IAmAliveTime DATETIME(3)  NOT NULL,

    CONSTRAINT PK_OrleansMembershipTable PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_OrleansMembershipTable_Version FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId)
)
ENGINE = InnoDB
DEFAULT CHARACTER SET = utf8mb4
COLLATE = utf8mb4_bin
ROW_FORMAT = DYNAMIC;

-- Adds a silo row, but only if the cluster version still equals p_Version.
-- The version row is locked first (same order as OrleansMembershipUpdate), so
-- concurrent membership writers serialize on it and cannot deadlock each other.
-- Returns one row, one column: 1 when inserted, 0 on a version mismatch or when the
-- silo row already exists.
CREATE PROCEDURE OrleansMembershipInsert
(
    IN p_DeploymentId VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_Address      VARCHAR(45)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_Port         INT,
    IN p_Generation   INT,
    IN p_Version      INT,
    IN p_SiloName     VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_HostName     VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_Status       INT,
    IN p_ProxyPort    INT,
    IN p_StartTime    DATETIME(3),
    IN p_IAmAliveTime DATETIME(3)
)
MODIFIES SQL DATA
BEGIN
    DECLARE v_VersionBumped INT DEFAULT 0;
    DECLARE v_Duplicate     INT DEFAULT 0;
    DECLARE v_Result        INT DEFAULT 0;

    DECLARE CONTINUE HANDLER FOR 1062 SET v_Duplicate = 1;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
        ROLLBACK;
        RESIGNAL;
    END;

    START TRANSACTION;

    UPDATE OrleansMembershipVersionTable
       SET Version = Version + 1,
           ModifiedOn = UTC_TIMESTAMP(3)
     WHERE DeploymentId = p_DeploymentId
       AND Version = p_Version;
    SET v_VersionBumped = ROW_COUNT();

    IF v_VersionBumped > 0 THEN
        INSERT INTO OrleansMembershipTable
            (DeploymentId, Address, Port, Generation, SiloName, HostName,
             Status, ProxyPort, SuspectTimes, StartTime, IAmAliveTime)
        VALUES
            (p_DeploymentId, p_Address, p_Port, p_Generation, p_SiloName, p_HostName,
             p_Status, IFNULL(p_ProxyPort, 0), NULL, p_StartTime, p_IAmAliveTime);

        IF v_Duplicate = 0 THEN
            SET v_Result = 1;
        END IF;
    END IF;

    IF v_Result = 1 THEN
        COMMIT;
    ELSE
        ROLLBACK;
    END IF;

    SELECT v_Result AS Succeeded;
END;

-- Changes status, suspicion votes and liveness of an existing silo row, but only if
-- the cluster version still equals p_Version. The outcome does not depend on
-- affected-rows versus found-rows reporting (MySqlConnector UseAffectedRows), because
-- the version bump always changes the row and the silo row is checked by count.
CREATE PROCEDURE OrleansMembershipUpdate
(
    IN p_DeploymentId VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_Address      VARCHAR(45)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_Port         INT,
    IN p_Generation   INT,
    IN p_Version      INT,
    IN p_Status       INT,
    IN p_SuspectTimes TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_IAmAliveTime DATETIME(3)
)
MODIFIES SQL DATA
BEGIN
    DECLARE v_VersionBumped INT DEFAULT 0;
    DECLARE v_RowExists     INT DEFAULT 0;
    DECLARE v_Result        INT DEFAULT 0;

    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
        ROLLBACK;
        RESIGNAL;
    END;

    START TRANSACTION;

    UPDATE OrleansMembershipVersionTable
       SET Version = Version + 1,
           ModifiedOn = UTC_TIMESTAMP(3)
     WHERE DeploymentId = p_DeploymentId
       AND Version = p_Version;
    SET v_VersionBumped = ROW_COUNT();

    IF v_VersionBumped > 0 THEN
        SET v_RowExists = (SELECT COUNT(*)
                             FROM OrleansMembershipTable
                            WHERE DeploymentId = p_DeploymentId
                              AND Address = p_Address
                              AND Port = p_Port
                              AND Generation = p_Generation);

        IF v_RowExists > 0 THEN
            UPDATE OrleansMembershipTable
               SET Status = p_Status,
                   SuspectTimes = p_SuspectTimes,
                   IAmAliveTime = p_IAmAliveTime
             WHERE DeploymentId = p_DeploymentId
               AND Address = p_Address
               AND Port = p_Port
               AND Generation = p_Generation;
            SET v_Result = 1;
        END IF;
    END IF;

    IF v_Result = 1 THEN
        COMMIT;
    ELSE
        ROLLBACK;
    END IF;

    SELECT v_Result AS Succeeded;
END;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
'InsertMembershipVersionKey',
'INSERT IGNORE INTO OrleansMembershipVersionTable (DeploymentId, ModifiedOn, Version)
VALUES (@DeploymentId, UTC_TIMESTAMP(3), 0);
SELECT ROW_COUNT() AS Inserted;'
),
(
'InsertMembershipKey',
'CALL OrleansMembershipInsert(@DeploymentId, @Address, @Port, @Generation, @Version,
    @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime);'
),
(
'UpdateMembershipKey',
'CALL OrleansMembershipUpdate(@DeploymentId, @Address, @Port, @Generation, @Version,
    @Status, @SuspectTimes, @IAmAliveTime);'
),
(
'UpdateIAmAlivetimeKey',
'UPDATE OrleansMembershipTable
   SET IAmAliveTime = @IAmAliveTime
 WHERE DeploymentId = @DeploymentId
   AND Address = @Address
   AND Port = @Port
   AND Generation = @Generation;'
),
(
'MembershipReadRowKey',
'SELECT ver.DeploymentId,
       mem.Address, mem.Port, mem.Generation, mem.SiloName, mem.HostName,
       mem.Status, mem.ProxyPort, mem.SuspectTimes, mem.StartTime, mem.IAmAliveTime,
       ver.Version
  FROM OrleansMembershipVersionTable AS ver
  LEFT JOIN OrleansMembershipTable AS mem
         ON mem.DeploymentId = ver.DeploymentId
        AND mem.Address = @Address
        AND mem.Port = @Port
        AND mem.Generation = @Generation
 WHERE ver.DeploymentId = @DeploymentId;'
),
(
'MembershipReadAllKey',
'SELECT ver.DeploymentId,
       mem.Address, mem.Port, mem.Generation, mem.SiloName, mem.HostName,
       mem.Status, mem.ProxyPort, mem.SuspectTimes, mem.StartTime, mem.IAmAliveTime,
       ver.Version
  FROM OrleansMembershipVersionTable AS ver
  LEFT JOIN OrleansMembershipTable AS mem
         ON mem.DeploymentId = ver.DeploymentId
 WHERE ver.DeploymentId = @DeploymentId;'
),
(
'GatewaysQueryKey',
'SELECT Address, ProxyPort, Generation
  FROM OrleansMembershipTable
 WHERE DeploymentId = @DeploymentId
   AND Status = @Status
   AND ProxyPort > 0;'
),
(
'DeleteMembershipTableEntriesKey',
'DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;'
),
(
'CleanupDefunctSiloEntriesKey',
'DELETE FROM OrleansMembershipTable
 WHERE DeploymentId = @DeploymentId
   AND Status = 6
   AND IAmAliveTime < @IAmAliveTime;'
),
(
'CleanupDefunctSiloEntryKey',
'DELETE FROM OrleansMembershipTable
 WHERE DeploymentId = @DeploymentId
   AND Address = @Address
   AND Port = @Port
   AND Generation = @Generation
   AND Status = 6
   AND StartTime = @StartTime
   AND IAmAliveTime = @IAmAliveTime
   AND IFNULL(SuspectTimes, SPACE(0)) = IFNULL(@SuspectTimes, SPACE(0));'
);
