-- OpenC3.Orleans - MySQL 8 / MariaDB 10.6+ schema, part 1 of 4: query registry.
--
-- The Orleans ADO.NET providers (clustering, grain persistence, reminders) never
-- embed SQL of their own. At start-up each provider runs
--     SELECT QueryKey, QueryText FROM OrleansQuery
-- and then executes the QueryText registered under each well-known QueryKey,
-- binding its own named parameters into it. The later scripts in this folder
-- (002 clustering, 003 persistence, 004 reminders) create their tables and
-- register their query texts here.
--
-- Contract notes that apply to all scripts:
--   * Parameter names inside a QueryText are fixed by the provider code and are
--     written with an at-sign prefix; result columns are read back by name.
--   * Texts are sent through MySqlConnector, which substitutes the parameters on
--     the client. Every at-sign name in a QueryText must therefore be one that the
--     provider binds for that key, otherwise MySqlConnector rejects the command.
--   * Everything is utf8mb4 with the binary collation: grain ids, grain types and
--     reminder names are case sensitive in Orleans, so comparisons must be exact.
--   * No client-side delimiter directives are used anywhere: each file is meant to be
--     sent to the server as a single multi-statement command.

CREATE TABLE OrleansQuery
(
    QueryKey  VARCHAR(64)   NOT NULL,
    QueryText VARCHAR(8000) NOT NULL,

    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
)
ENGINE = InnoDB
DEFAULT CHARACTER SET = utf8mb4
COLLATE = utf8mb4_bin
ROW_FORMAT = DYNAMIC;
