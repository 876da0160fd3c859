-- OpenC3.Orleans - MySQL 8 / MariaDB 10.6+ schema, part 3 of 4: grain state storage
-- for the Orleans ADO.NET persistence provider (Microsoft.Orleans.Persistence.AdoNet).
-- Requires 001-orleans-main.sql (table OrleansQuery).
--
-- One row per (service, grain type, grain id). The provider hashes the grain id and
-- the grain type into two 32 bit integers; those form the narrow lookup index, and
-- the full values are compared as well to rule out hash collisions.
--
-- ETag handling: Version is the ETag. A write or clear succeeds only when the caller
-- presents the current Version; the queries then return Version + 1 in column
-- NewGrainStateVersion. On a mismatch they return the version the caller presented
-- (or NULL for a first write that lost a race), which makes the provider raise
-- InconsistentStateException.
--
-- Differences from the stock Orleans script, on purpose:
--   * PayloadBinary is LONGBLOB (stock: BLOB, 64 KB limit). The largest state is then
--     bounded by the server max_allowed_packet setting instead.
--   * utf8mb4 with binary collation, so grain ids and types compare exactly.
--   * A surrogate primary key (some managed servers and Galera/group replication
--     require one) and a unique key over a SHA-256 of the full identity, so two
--     concurrent first writes of the same grain can never create two rows.
--   * ROW_FORMAT = DYNAMIC: large payloads are stored off page.
--
-- Query keys registered below: ReadFromStorageKey, WriteToStorageKey,
-- ClearStorageKey, DeleteStorageKey (the last one is used when the storage option
-- DeleteStateOnClear is true).

CREATE TABLE OrleansStorage
(
    StorageId              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,

    GrainIdHash            INT          NOT NULL,
    GrainIdN0              BIGINT       NOT NULL,
    GrainIdN1              BIGINT       NOT NULL,
    GrainTypeHash          INT          NOT NULL,
    GrainTypeString        VARCHAR(512) NOT NULL,
    GrainIdExtensionString VARCHAR(512) NULL,
    ServiceId              VARCHAR(150) NOT NULL,

    -- Serialized grain state; NULL after a clear (the row and its Version are kept).
    PayloadBinary          LONGBLOB     NULL,

    -- Informational only (UTC).
    ModifiedOn             DATETIME(3)  NOT NULL,

    Version                INT          NULL,

    -- Length-prefixed concatenation of the full identity, hashed. Length prefixes keep
    -- the encoding unambiguous, and a NULL extension differs from an empty one.
    IdentityHash           BINARY(32) AS (UNHEX(SHA2(CONCAT_WS(':',
                               CHAR_LENGTH(ServiceId), ServiceId,
                               CHAR_LENGTH(GrainTypeString), GrainTypeString,
                               GrainIdN0, GrainIdN1,
                               IFNULL(CONCAT(CHAR_LENGTH(GrainIdExtensionString), ':', GrainIdExtensionString), '-')
                           ), 256))) STORED,

    CONSTRAINT PK_OrleansStorage PRIMARY KEY (StorageId),
    CONSTRAINT UX_OrleansStorage_Identity UNIQUE KEY (IdentityHash),
    INDEX IX_OrleansStorage (GrainIdHash, GrainTypeHash)
)
ENGINE = InnoDB
DEFAULT CHARACTER SET = utf8mb4
COLLATE = utf8mb4_bin
ROW_FORMAT = DYNAMIC;

-- Inserts the first version of a state (p_GrainStateVersion IS NULL) or replaces the
-- payload of the version the caller read. READ COMMITTED avoids gap locks on the
-- non-unique hash index; the unique identity key arbitrates racing first writes.
CREATE PROCEDURE OrleansStorageWrite
(
    IN p_GrainIdHash            INT,
    IN p_GrainIdN0              BIGINT,
    IN p_GrainIdN1              BIGINT,
    IN p_GrainTypeHash          INT,
    IN p_GrainTypeString        VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_GrainIdExtensionString VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_ServiceId              VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_GrainStateVersion      INT,
    IN p_PayloadBinary          LONGBLOB
)
MODIFIES SQL DATA
BEGIN
    DECLARE v_NewVersion INT DEFAULT NULL;
    DECLARE v_Duplicate  INT DEFAULT 0;

    DECLARE CONTINUE HANDLER FOR 1062 SET v_Duplicate = 1;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
        ROLLBACK;
        RESIGNAL;
    END;

    SET TRANSACTION ISOLATION LEVEL READ COMMITTED;
    START TRANSACTION;

    IF p_GrainStateVersion IS NULL THEN
        -- First write: fails with a duplicate key if any row (even a cleared one)
        -- exists, which the provider must see as an ETag conflict.
        INSERT INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
             GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
        VALUES
            (p_GrainIdHash, p_GrainIdN0, p_GrainIdN1, p_GrainTypeHash, p_GrainTypeString,
             p_GrainIdExtensionString, p_ServiceId, p_PayloadBinary, UTC_TIMESTAMP(3), 1);

        IF v_Duplicate = 0 THEN
            SET v_NewVersion = 1;
        END IF;
    ELSE
        UPDATE OrleansStorage
           SET PayloadBinary = p_PayloadBinary,
               ModifiedOn = UTC_TIMESTAMP(3),
               Version = Version + 1
         WHERE GrainIdHash = p_GrainIdHash
           AND GrainTypeHash = p_GrainTypeHash
           AND GrainIdN0 = p_GrainIdN0
           AND GrainIdN1 = p_GrainIdN1
           AND GrainTypeString = p_GrainTypeString
           AND GrainIdExtensionString <=> p_GrainIdExtensionString
           AND ServiceId = p_ServiceId
           AND Version = p_GrainStateVersion;

        IF ROW_COUNT() > 0 THEN
            SET v_NewVersion = p_GrainStateVersion + 1;
        END IF;
    END IF;

    COMMIT;

    SELECT COALESCE(v_NewVersion, p_GrainStateVersion) AS NewGrainStateVersion;
END;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
'ReadFromStorageKey',
'SELECT PayloadBinary, UTC_TIMESTAMP(3) AS ReadOn, Version
  FROM OrleansStorage
 WHERE GrainIdHash = @GrainIdHash
   AND GrainTypeHash = @GrainTypeHash
   AND GrainIdN0 = @GrainIdN0
   AND GrainIdN1 = @GrainIdN1
   AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString <=> @GrainIdExtensionString
   AND ServiceId = @ServiceId
 LIMIT 1;'
),
(
'WriteToStorageKey',
'CALL OrleansStorageWrite(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
    @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary);'
),
(
'ClearStorageKey',
'UPDATE OrleansStorage
   SET PayloadBinary = NULL,
       ModifiedOn = UTC_TIMESTAMP(3),
       Version = Version + 1
 WHERE GrainIdHash = @GrainIdHash
   AND GrainTypeHash = @GrainTypeHash
   AND GrainIdN0 = @GrainIdN0
   AND GrainIdN1 = @GrainIdN1
   AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString <=> @GrainIdExtensionString
   AND ServiceId = @ServiceId
   AND Version = @GrainStateVersion;
SELECT CASE WHEN ROW_COUNT() > 0 THEN @GrainStateVersion + 1 ELSE @GrainStateVersion END
       AS NewGrainStateVersion;'
),
(
'DeleteStorageKey',
'DELETE FROM OrleansStorage
 WHERE GrainIdHash = @GrainIdHash
   AND GrainTypeHash = @GrainTypeHash
   AND GrainIdN0 = @GrainIdN0
   AND GrainIdN1 = @GrainIdN1
   AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString <=> @GrainIdExtensionString
   AND ServiceId = @ServiceId
   AND Version = @GrainStateVersion;
SELECT CASE WHEN ROW_COUNT() > 0 THEN @GrainStateVersion + 1 ELSE @GrainStateVersion END
       AS NewGrainStateVersion;'
);
