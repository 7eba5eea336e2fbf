-- CrisisGrid: what Orleans' ADO.NET clustering and ADO.NET reminders (Microsoft.Orleans.Clustering.AdoNet and
-- Microsoft.Orleans.Reminders.AdoNet 10.4.x, invariant "Npgsql") need in PostgreSQL. Written for CrisisGrid; it keeps
-- the contract those providers read, not the text of Orleans' own setup scripts (which are not in the packages).
--
-- How the providers use it: at start each provider runs `SELECT QueryKey, QueryText FROM OrleansQuery`, refuses to
-- start when one of its keys is missing, and from then on only runs those texts with named parameters (@DeploymentId,
-- @Address ...). It reads result columns by name (in any order; PostgreSQL folds unquoted names to lower case and
-- Npgsql matches them case-insensitively). Queries that answer "did it work?" return exactly one row with one
-- column: a count, where 0 means "no, re-read and retry" (the membership protocol depends on that).
--
-- Safe to run again and again: tables use IF NOT EXISTS, the OrleansQuery rows are replaced with this file's text,
-- and nothing is dropped. Table and column names are the ones Orleans' own scripts use, so a database first set up
-- with those scripts keeps working with these queries. Tables are created unqualified: the connection's search_path
-- chooses the schema, as for CrisisGrid's event log.
--
-- Apply by hand: psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -1 -f deploy/sql/orleans-postgres.sql
-- (the silo applies the same text at start through PostgresOrleansSchema.ApplyAsync).

-- The providers' only source of SQL. Other Orleans ADO.NET providers (persistence, streaming) keep their rows here
-- too; this file only ever writes its own keys.
CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);

------------------------------------------------------------------------------------------------------------------------
-- Clustering (membership). DeploymentId is Orleans' ClusterId: one database can hold several clusters.
------------------------------------------------------------------------------------------------------------------------

-- One row per cluster. Version is the membership table's etag: every change to membership (a silo joining, a status
-- or suspicion change) must name the version it read and bumps it, so two silos that read the same table cannot both
-- write; the loser gets 0 back, re-reads and tries again. IAmAlive heartbeats deliberately do not bump it.
CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable (
    DeploymentId varchar(150) NOT NULL,
    Timestamp    timestamptz  NOT NULL DEFAULT now(),
    Version      integer      NOT NULL DEFAULT 0,
    CONSTRAINT PK_OrleansMembershipVersionTable_DeploymentId PRIMARY KEY (DeploymentId)
);

-- One row per silo incarnation: address, port and generation (the silo's start epoch) identify it, so a silo that
-- restarts on the same address gets a new row and the old one can be declared dead. Status holds Orleans' SiloStatus
-- number (3 = Active, 6 = Dead). SuspectTimes is Orleans' own "silo,time|silo,time" text, stored as given.
CREATE TABLE IF NOT EXISTS OrleansMembershipTable (
    DeploymentId varchar(150) NOT NULL,
    Address      varchar(45)  NOT NULL,
    Port         integer      NOT NULL,
    Generation   integer      NOT NULL,
    SiloName     varchar(150) NOT NULL,
    HostName     varchar(150) NOT NULL,
    Status       integer      NOT NULL,
    ProxyPort    integer      NULL,
    SuspectTimes text         NULL,
    StartTime    timestamptz  NOT NULL,
    IAmAliveTime timestamptz  NOT NULL,
    CONSTRAINT PK_MembershipTable_DeploymentId PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_MembershipTable_MembershipVersionTable_DeploymentId
        FOREIGN KEY (DeploymentId) REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

------------------------------------------------------------------------------------------------------------------------
-- Reminders. ServiceId is Orleans' ServiceId (stable across cluster redeployments, unlike ClusterId).
------------------------------------------------------------------------------------------------------------------------

-- One row per (grain, reminder name). GrainId is Orleans' "type/key" text; text rather than Orleans' varchar(150) so a
-- long grain key never fails to register. Period is in milliseconds. GrainHash is the grain's uniform hash as a signed
-- 32-bit number: each silo reads the reminders of its slice of the hash ring. Version is the reminder's etag.
CREATE TABLE IF NOT EXISTS OrleansRemindersTable (
    ServiceId    varchar(150) NOT NULL,
    GrainId      text         NOT NULL,
    ReminderName text         NOT NULL,
    StartTime    timestamptz  NOT NULL,
    Period       bigint       NOT NULL,
    GrainHash    integer      NOT NULL,
    Version      integer      NOT NULL,
    CONSTRAINT PK_RemindersTable_ServiceId_GrainId_ReminderName PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Every membership change makes each silo re-read its hash range; without this that is a scan of all reminders.
CREATE INDEX IF NOT EXISTS IX_RemindersTable_ServiceId_GrainHash ON OrleansRemindersTable (ServiceId, GrainHash);

------------------------------------------------------------------------------------------------------------------------
-- The queries. Each is a single statement (or, once, two), so PostgreSQL runs it atomically without helper
-- functions: a data-modifying WITH clause lets "bump the version only if ..., then write the row only if the version
-- was bumped" happen in one statement. A comparison with a NULL parameter is never true, so a missing argument
-- matches nothing instead of everything.
------------------------------------------------------------------------------------------------------------------------

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Creates the cluster's version row if it is not there yet. Every silo calls this at start; only the first creates.
-- Returns 1 if this call created the row, else 0.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer AS row_count FROM created;
$q$),

-- A silo announces itself. Succeeds (1) only when the table is still at @Version and this silo incarnation has no
-- row yet; then the row is written and the version bumped together. Otherwise nothing changes and it returns 0.
-- A concurrent writer with the same @Version is stopped by the version check: the second UPDATE waits for the
-- first's row lock and then no longer matches.
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId
      AND Version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM OrleansMembershipTable
          WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId
), inserted AS (
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM bumped
    RETURNING 1
)
SELECT count(*)::integer AS row_count FROM inserted;
$q$),

-- A status or suspicion change for one silo (joining -> active, suspected, declared dead ...). Same rule as the
-- insert: only at @Version, only for an existing row, and version plus row change together. Returns 1 or 0.
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId
      AND Version = @Version
      AND EXISTS (
          SELECT 1 FROM OrleansMembershipTable
          WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId
), changed AS (
    UPDATE OrleansMembershipTable AS m
    SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
    FROM bumped
    WHERE m.DeploymentId = bumped.DeploymentId
      AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    RETURNING 1
)
SELECT count(*)::integer AS row_count FROM changed;
$q$),

-- The heartbeat. Not versioned on purpose: heartbeats are frequent and must not make membership writes conflict.
-- Orleans ignores the result.
('UpdateIAmAlivetimeKey', $q$
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
$q$),

-- One silo's row plus the table version. Starts from the version row so the version comes back even when the silo
-- has no row (the silo columns are then NULL, which Orleans reads as "no entry"). Orleans needs at least one row.
('MembershipReadRowKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m
       ON m.DeploymentId = v.DeploymentId
      AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;
$q$),

-- Every silo row of the cluster, each carrying the table version (same shape as MembershipReadRowKey).
('MembershipReadAllKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;
$q$),

-- Forgets a whole cluster (Orleans calls it from tests and tooling, never in normal running). Silo rows first: they
-- reference the version row.
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
$q$),

-- Where clients (our gateways) may connect: silos with @Status (Orleans passes Active) that opened a gateway port.
('GatewaysQueryKey', $q$
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
$q$),

-- Housekeeping: drops rows of silos that stopped sending heartbeats before @IAmAliveTime and are not Active (3).
-- Not versioned: such rows no longer take part in membership decisions.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3;
$q$),

-- Creates or replaces a reminder and returns its new etag as column Version: 0 when created, +1 on each change.
('UpsertReminderRowKey', $q$
INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
SET StartTime = excluded.StartTime,
    Period    = excluded.Period,
    GrainHash = excluded.GrainHash,
    Version   = OrleansRemindersTable.Version + 1
RETURNING Version;
$q$),

-- All reminders of one grain.
('ReadReminderRowsKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId;
$q$),

-- One reminder of one grain; no row when it does not exist.
('ReadReminderRowKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;
$q$),

-- A silo's slice of the hash ring, (@BeginHash, @EndHash], when it does not wrap (Orleans picks this one when
-- BeginHash < EndHash as signed numbers).
('ReadRangeRows1Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash;
$q$),

-- The same when the slice wraps past the end of the ring: above @BeginHash or up to @EndHash.
('ReadRangeRows2Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
$q$),

-- Removes a reminder only if its etag is still @Version. Returns 1 if removed, 0 if it changed or was gone.
('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version
    RETURNING 1
)
SELECT count(*)::integer AS row_count FROM removed;
$q$),

-- Every reminder of the service (Orleans uses it to clear the table in tests).
('DeleteReminderRowsKey', $q$
DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId;
$q$)

-- Replace older texts, so a newer CrisisGrid corrects a query by running this file again.
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
