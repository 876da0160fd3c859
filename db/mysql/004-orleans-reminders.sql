-- OpenC3.Orleans - MySQL 8 / MariaDB 10.6+ schema, part 4 of 4: durable reminders
-- for the Orleans ADO.NET reminder provider (Microsoft.Orleans.Reminders.AdoNet).
-- Requires 001-orleans-main.sql (table OrleansQuery).
--
-- One row per (service, grain, reminder name). Version is the reminder ETag and grows
-- by one on every upsert. GrainHash is the uniform hash of the grain id stored as a
-- signed 32 bit integer; each silo reads the reminders of its own hash range, hence
-- the (ServiceId, GrainHash) index. Period is in milliseconds.
--
-- Query keys registered below: UpsertReminderRowKey, ReadReminderRowsKey,
-- ReadReminderRowKey, ReadRangeRows1Key, ReadRangeRows2Key, DeleteReminderRowKey,
-- DeleteReminderRowsKey.

CREATE TABLE OrleansRemindersTable
(
    ServiceId    VARCHAR(150) NOT NULL,
    GrainId      VARCHAR(300) NOT NULL,
    ReminderName VARCHAR(150) NOT NULL,
    StartTime    DATETIME(3)  NOT NULL,
    Period       BIGINT       NOT NULL,
    GrainHash    INT          NOT NULL,
    Version      INT          NOT NULL,

    CONSTRAINT PK_OrleansRemindersTable PRIMARY KEY (ServiceId, GrainId, ReminderName),
    INDEX IX_OrleansRemindersTable_ServiceId_GrainHash (ServiceId, GrainHash)
)
ENGINE = InnoDB
DEFAULT CHARACTER SET = utf8mb4
COLLATE = utf8mb4_bin
ROW_FORMAT = DYNAMIC;

-- UpsertReminderRowKey must return the new ETag in column Version. LAST_INSERT_ID(x)
-- stores x for this connection, which the following SELECT reads back: 1 for a new
-- row, the incremented Version for an existing one. Atomic without a transaction.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
'UpsertReminderRowKey',
'INSERT INTO OrleansRemindersTable
    (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, LAST_INSERT_ID(1))
ON DUPLICATE KEY UPDATE
    StartTime = @StartTime,
    Period = @Period,
    GrainHash = @GrainHash,
    Version = LAST_INSERT_ID(Version + 1);
SELECT LAST_INSERT_ID() AS Version;'
),
(
'ReadReminderRowsKey',
'SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId
   AND GrainId = @GrainId;'
),
(
'ReadReminderRowKey',
'SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId
   AND GrainId = @GrainId
   AND ReminderName = @ReminderName;'
),
(
'ReadRangeRows1Key',
'SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId
   AND GrainHash > @BeginHash
   AND GrainHash <= @EndHash;'
),
(
'ReadRangeRows2Key',
'SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId
   AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);'
),
(
'DeleteReminderRowKey',
'DELETE FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId
   AND GrainId = @GrainId
   AND ReminderName = @ReminderName
   AND Version = @Version;
SELECT ROW_COUNT() AS Deleted;'
),
(
'DeleteReminderRowsKey',
'DELETE FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId;'
);
