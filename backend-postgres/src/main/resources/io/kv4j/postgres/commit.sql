-- The statements of a commit, read once when a store opens (CommitSql); ${schema} is replaced
-- then, as in the migrations. Each "-- name:" line starts a statement; the other comment lines
-- are dropped and the lines joined, so the server receives one line per statement. A "?" is a
-- parameter: arrays are bound in PostgreSQL's text form and typed by their casts.
--
-- A commit that writes is sent as begin-read-write, lock, check, version, [delete], [upsert],
-- record-id in one round trip; a commit without writes as begin-read-only, check, end-read-only.
-- The outcome is read by column name: check returns the first failed check (conflict, position)
-- or no row; version returns the number the writes got. Once check has found a conflict, the
-- transaction-local flag kv4j.conflict stops the later statements: it carries no data.

-- name: begin-read-write
-- the plans of statements over arrays are reused: planning each call anew for the exact arrays
-- (PostgreSQL's choice for small arrays) costs more than the statement itself
BEGIN ISOLATION LEVEL READ COMMITTED;
SET LOCAL plan_cache_mode = force_generic_plan

-- name: begin-read-only
BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;
SET LOCAL plan_cache_mode = force_generic_plan

-- name: end-read-only
COMMIT

-- name: lock
-- the advisory locks in ascending order of their ids (CommitLocks): ids, exclusive
SELECT CASE WHEN l.x THEN pg_advisory_xact_lock(l.id) ELSE pg_advisory_xact_lock_shared(l.id) END
    AS locked
  FROM unnest(?::int8[], ?::bool[]) AS l(id, x)

-- name: check
-- point reads: namespaces, keys, versions read (0 for missing); ranges: namespaces, low and high
-- bounds (high NULL: to the end), and the slice [from:to] of the last array that holds what the
-- range saw, each as '<version> <key>' in key order. The first failed check, reads first, in
-- the order the commit lists them; position counts from 0
SELECT c.conflict, c.position, set_config('kv4j.conflict', 'on', true) AS noted
  FROM (SELECT 'read' AS conflict, r.n - 1 AS position
          FROM unnest(?::text[], ?::text[], ?::int8[]) WITH ORDINALITY AS r(ns, k, ver, n)
         WHERE r.ver <> coalesce((SELECT e.version FROM ${schema}.entries e
                                   WHERE e.namespace = r.ns AND e.key = r.k), 0)
        UNION ALL
        SELECT 'range', g.n - 1
          FROM unnest(?::text[], ?::text[], ?::text[], ?::int4[], ?::int4[])
               WITH ORDINALITY AS g(ns, low, high, f, t, n)
         WHERE CASE WHEN g.high IS NULL
               THEN ARRAY(SELECT e.version || ' ' || e.key FROM ${schema}.entries e
                           WHERE e.namespace = g.ns AND e.key >= g.low ORDER BY e.key)
               ELSE ARRAY(SELECT e.version || ' ' || e.key FROM ${schema}.entries e
                           WHERE e.namespace = g.ns AND e.key >= g.low AND e.key < g.high
                           ORDER BY e.key)
               END IS DISTINCT FROM (?::text[])[g.f:g.t]) c
 ORDER BY c.conflict <> 'read', c.position
 LIMIT 1

-- name: version
SELECT nextval('${schema}.versions') AS version
 WHERE current_setting('kv4j.conflict', true) IS DISTINCT FROM 'on'

-- name: delete
-- namespaces, keys
DELETE FROM ${schema}.entries e USING unnest(?::text[], ?::text[]) AS d(ns, k)
 WHERE e.namespace = d.ns AND e.key = d.k
   AND current_setting('kv4j.conflict', true) IS DISTINCT FROM 'on'

-- name: upsert
-- namespaces, keys, values as JSON text, shapes (JsonShape: 0 jsonb only, 1 both, 2 exact only)
INSERT INTO ${schema}.entries AS e (namespace, key, value, exact, version)
SELECT w.ns, w.k, CASE WHEN w.shape < 2 THEN w.val::jsonb END,
       CASE WHEN w.shape > 0 THEN w.val::json END, currval('${schema}.versions')
  FROM unnest(?::text[], ?::text[], ?::text[], ?::int2[]) AS w(ns, k, val, shape)
 WHERE current_setting('kv4j.conflict', true) IS DISTINCT FROM 'on'
ON CONFLICT (namespace, key) DO UPDATE
   SET value = excluded.value, exact = excluded.exact, version = excluded.version

-- name: record-id
-- the commit's id, in the same transaction: a lookup that fenced the id off makes this fail on
-- the primary key, so a commit found missing can never land later
INSERT INTO ${schema}.commits (id, version)
SELECT ?::uuid, currval('${schema}.versions')
 WHERE current_setting('kv4j.conflict', true) IS DISTINCT FROM 'on';
COMMIT

-- name: compare-and-set
-- a commit that overwrites the one existing key it read (CommitStatements.isCompareAndSet):
-- shape, value, shape, value, namespace, key, version read, commit id. No row: the key changed
WITH u AS (UPDATE ${schema}.entries
              SET value = CASE WHEN ?::int2 < 2 THEN ?::jsonb END,
                  exact = CASE WHEN ?::int2 > 0 THEN ?::json END,
                  version = nextval('${schema}.versions')
            WHERE namespace = ? AND key = ? AND version = ? RETURNING version),
     c AS (INSERT INTO ${schema}.commits (id, version) SELECT ?::uuid, version FROM u)
SELECT version FROM u

-- name: look-up
-- takes the id first (version -1), so a commit with it still under way waits for this or fails;
-- then the version it got, -1 when it did not land
INSERT INTO ${schema}.commits (id, version) VALUES (?::uuid, -1) ON CONFLICT (id) DO NOTHING;
SELECT version FROM ${schema}.commits WHERE id = ?::uuid

-- name: delete-namespace
-- the namespace's lock id, exclusive as a commit that listed it takes it; the namespace
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT pg_advisory_xact_lock(?);
DELETE FROM ${schema}.entries WHERE namespace = ?;
COMMIT

-- name: expire-ids
-- retention in milliseconds, batch size; = ANY(ARRAY(...)) deletes by the primary key, where
-- IN (...) makes a hash join over the table
DELETE FROM ${schema}.commits WHERE id = ANY(ARRAY(
  SELECT id FROM ${schema}.commits WHERE at < now() - ?::bigint * interval '1 millisecond'
   ORDER BY at LIMIT ? FOR UPDATE SKIP LOCKED))
