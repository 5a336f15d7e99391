-- The statements of a commit, read once when a store opens (CommitSql); ${schema} is replaced
-- then, as in the migrations. Each "-- name:" line starts a statement; the other comment lines
-- are dropped and the lines joined, so the server receives one line per statement. A "?" is a
-- parameter: arrays are bound in PostgreSQL's text form and typed by their casts.
--
-- A commit that writes is sent as begin-read-write, lock, check (left out when it only writes),
-- version, [mutate], [delete], [upsert], [delete-ranges], record-id in one round trip; a commit without writes as
-- begin-read-only, check, end-read-only. The outcome is read by column name: check and mutate
-- return the first failed check or refused mutation (conflict, position, ...) or no row; version
-- returns the numbers the writes got. Once one of them has refused the commit, the
-- transaction-local flag kv4j.conflict stops the later statements: it carries no data. mutate
-- is the first statement that writes, so that nothing is written when it refuses; the range
-- deletions come last and spare the rows this commit wrote, which is the same as applying them
-- first.
--
-- One transaction may carry several commits that only write (CommitGroup): version takes one
-- number per commit, ascending in the order of the commits, and keeps them in the
-- transaction-local setting kv4j.versions; each row that upsert and mutate write names the
-- commit whose version it gets (from 1), and record-id stores each commit's id with its own.
-- A single commit is the group of one.

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
-- checks: namespaces, keys, versions required (0 for missing); point reads: namespaces, keys,
-- versions read (0 for missing); ranges: namespaces, start and end (end NULL: to the end), and
-- the slice [from:to] of the last array that holds what the range saw, each as
-- '<version> <key>' in key order. The first failed check, checks first (a failed check is the
-- caller's own, so it wins over a conflict), then reads, then ranges, in the order the commit
-- lists them; position counts from 0, found is the version a failed check found
SELECT c.conflict, c.position, c.found, set_config('kv4j.conflict', 'on', true) AS noted
  FROM (SELECT 'check' AS conflict, k.n - 1 AS position, k.found
          FROM (SELECT k.n, k.ver, coalesce((SELECT e.version FROM ${schema}.entries e
                                             WHERE e.namespace = k.ns AND e.key = k.k), 0) AS found
                  FROM unnest(?::text[], ?::text[], ?::int8[]) WITH ORDINALITY AS k(ns, k, ver, n)) k
         WHERE k.ver <> k.found
        UNION ALL
        SELECT 'read', r.n - 1, NULL
          FROM unnest(?::text[], ?::text[], ?::int8[]) WITH ORDINALITY AS r(ns, k, ver, n)
         WHERE r.ver <> coalesce((SELECT e.version FROM ${schema}.entries e
                                   WHERE e.namespace = r.ns AND e.key = r.k), 0)
        UNION ALL
        SELECT 'range', g.n - 1, NULL
          FROM unnest(?::text[], ?::text[], ?::text[], ?::int4[], ?::int4[])
               WITH ORDINALITY AS g(ns, low, high, f, t, n)
         WHERE CASE WHEN g.high IS NULL
               THEN ARRAY(SELECT e.version || ' ' || e.key FROM ${schema}.entries e
                           WHERE e.namespace = g.ns AND e.key >= g.low ORDER BY e.key)
               ELSE ARRAY(SELECT e.version || ' ' || e.key FROM ${schema}.entries e
                           WHERE e.namespace = g.ns AND e.key >= g.low AND e.key < g.high
                           ORDER BY e.key)
               END IS DISTINCT FROM (?::text[])[g.f:g.t]) c
 ORDER BY c.conflict <> 'check', c.conflict <> 'read', c.position
 LIMIT 1

-- name: version
-- how many commits the transaction carries; returns their versions as an array, ascending
SELECT set_config('kv4j.versions', array_agg(s.v ORDER BY s.v)::text, true) AS versions
  FROM (SELECT nextval('${schema}.versions') AS v FROM generate_series(1, ?::int4)
         WHERE current_setting('kv4j.conflict', true) IS DISTINCT FROM 'on') s
HAVING count(*) > 0

-- name: delete
-- namespaces, keys
DELETE FROM ${schema}.entries e USING unnest(?::text[], ?::text[]) AS d(ns, k)
 WHERE e.namespace = d.ns AND e.key = d.k
   AND current_setting('kv4j.conflict', true) IS DISTINCT FROM 'on'

-- name: upsert
-- namespaces, keys, values as JSON text, shapes (JsonShape: 0 jsonb only, 1 both, 2 exact only),
-- the commits (from 1) whose versions the rows get
INSERT INTO ${schema}.entries AS e (namespace, key, value, exact, version)
SELECT w.ns, w.k, CASE WHEN w.shape < 2 THEN w.val::jsonb END,
       CASE WHEN w.shape > 0 THEN w.val::json END, vs.a[w.v]
  FROM unnest(?::text[], ?::text[], ?::text[], ?::int2[], ?::int4[]) AS w(ns, k, val, shape, v),
       (SELECT nullif(current_setting('kv4j.versions', true), '')::int8[] AS a) vs
 WHERE current_setting('kv4j.conflict', true) IS DISTINCT FROM 'on'
ON CONFLICT (namespace, key) DO UPDATE
   SET value = excluded.value, exact = excluded.exact, version = excluded.version

-- name: mutate
-- mutations: namespaces, keys, addends, floors, ceilings (NULL: none), values if missing (all
-- whole numbers as text), the commits (from 1) whose versions the rows get; the commit's range deletions: namespaces, starts, ends (NULL: to the
-- end). A key a range deletion of this commit covers counts as missing, as the deletions come
-- first. The current value must be a whole number as Mutation.wholeNumber reads it: zero in
-- any spelling, or a JSON number whose unscaled digits and scale (as BigDecimal has them:
-- digits after the point minus the exponent, both within int) give at most 1,000 digits before
-- the point and none but zeros after it. A value held in jsonb alone is a number as numeric
-- prints it, without exponent, so it is whole when x = trunc(x) and |x| < 10^1000; one held in
-- exact is rebuilt from its digits, never cast from the text, as numeric refuses exponents past
-- 1,000 and some such numbers are whole. The first key that holds anything else refuses the
-- commit (conflict 'integer', position from 0, the value found, whole: the message shortens
-- it), and then nothing is written; otherwise each key gets least(greatest(x + addend, floor),
-- ceiling), or its value if missing, as a plain jsonb number. m and parts are MATERIALIZED so that each row is looked up
-- and parsed once: inlined, every reference to their columns repeats the lookup and the parsing
WITH m AS MATERIALIZED (
  SELECT m.n, m.ns, m.k, m.a, m.f, m.c, m.miss, m.v,
         (SELECT e FROM ${schema}.entries e
           WHERE e.namespace = m.ns AND e.key = m.k
             AND NOT EXISTS (SELECT 1 FROM unnest(?::text[], ?::text[], ?::text[]) AS d(ns, low, high)
                              WHERE d.ns = m.ns AND m.k COLLATE "C" >= d.low
                                AND (d.high IS NULL OR m.k COLLATE "C" < d.high))) AS e
    FROM unnest(?::text[], ?::text[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[],
                ?::int4[]) WITH ORDINALITY AS m(ns, k, a, f, c, miss, v, n)
   WHERE current_setting('kv4j.conflict', true) IS DISTINCT FROM 'on'),
parts AS MATERIALIZED (
  SELECT m.n, m.ns, m.k, m.a, m.f, m.c, m.miss, m.v,
         coalesce((m.e).exact::text, (m.e).value::text) AS json,
         CASE WHEN (m.e).exact IS NULL AND jsonb_typeof((m.e).value) = 'number'
              THEN ((m.e).value)::numeric END AS num,
         regexp_match(btrim((m.e).exact::text, E' \t\r\n'),
                      '^(-?)([0-9]+)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$') AS g
    FROM m),
exponent AS (
  SELECT p.*, p.g[1] AS sign, p.g[2] || coalesce(p.g[3], '') AS digits,
         length(coalesce(p.g[3], '')) AS frac,
         CASE WHEN length(ltrim(ltrim(coalesce(p.g[4], '0'), '+-'), '0')) <= 10
              THEN coalesce(p.g[4], '0')::int8 END AS ex
    FROM parts p),
scaled AS (
  SELECT p.*, p.frac - p.ex AS s, ltrim(p.digits, '0') AS sig FROM exponent p),
whole AS (
  SELECT w.*, CASE
           WHEN w.num IS NOT NULL
           THEN CASE WHEN w.num = trunc(w.num) AND abs(w.num) < 1e1000 THEN trunc(w.num) END
           WHEN w.g IS NULL THEN NULL
           WHEN w.sig = '' THEN 0
           WHEN w.ex IS NULL OR w.ex NOT BETWEEN -2147483648 AND 2147483647
                OR w.s NOT BETWEEN -2147483648 AND 2147483647
                OR length(w.sig) - w.s > 1000 THEN NULL
           WHEN w.s <= 0 THEN (w.sign || w.sig || repeat('0', (-w.s)::int4))::numeric
           WHEN w.s >= length(w.digits)
                OR rtrim(right(w.digits, w.s::int4), '0') <> '' THEN NULL
           ELSE (w.sign || left(w.digits, length(w.digits) - w.s::int4))::numeric
         END AS x
    FROM scaled w),
bad AS (
  SELECT n - 1 AS position, json AS found
    FROM whole WHERE json IS NOT NULL AND x IS NULL ORDER BY n LIMIT 1),
written AS (
  INSERT INTO ${schema}.entries AS e (namespace, key, value, exact, version)
  SELECT w.ns, w.k,
         to_jsonb(CASE WHEN w.json IS NULL THEN w.miss ELSE least(greatest(w.x + w.a, w.f), w.c) END),
         NULL, vs.a[w.v]
    FROM whole w, (SELECT nullif(current_setting('kv4j.versions', true), '')::int8[] AS a) vs WHERE NOT EXISTS (SELECT 1 FROM bad)
  ON CONFLICT (namespace, key) DO UPDATE
     SET value = excluded.value, exact = NULL, version = excluded.version
  RETURNING 1)
SELECT 'integer' AS conflict, b.position, b.found AS value,
       set_config('kv4j.conflict', 'on', true) AS noted
  FROM bad b

-- name: delete-ranges
-- namespaces, starts, ends (NULL: to the end of the namespace); the rows this commit wrote stay
-- (a commit that deletes ranges is always sent alone, so they are the rows of its one version).
-- Each range's keys are listed through the primary key first (as check lists a range): joined
-- to the table directly, the generic plan scans all of it
DELETE FROM ${schema}.entries e
 USING (SELECT d.ns, k.key
          FROM unnest(?::text[], ?::text[], ?::text[]) AS d(ns, low, high),
               LATERAL unnest(CASE WHEN d.high IS NULL
                 THEN ARRAY(SELECT x.key FROM ${schema}.entries x
                             WHERE x.namespace = d.ns AND x.key >= d.low)
                 ELSE ARRAY(SELECT x.key FROM ${schema}.entries x
                             WHERE x.namespace = d.ns AND x.key >= d.low AND x.key < d.high)
                 END) AS k(key)) r
 WHERE e.namespace = r.ns AND e.key = r.key
   AND e.version <> ALL(nullif(current_setting('kv4j.versions', true), '')::int8[])
   AND current_setting('kv4j.conflict', true) IS DISTINCT FROM 'on'

-- name: record-id
-- the ids of the commits, in their order, each with its version, in the same transaction: a
-- lookup that fenced off one id makes this fail on the primary key, so a transaction found
-- missing can never land later
INSERT INTO ${schema}.commits (id, version)
SELECT i.id, vs.a[i.n]
  FROM unnest(?::uuid[]) WITH ORDINALITY AS i(id, n), (SELECT nullif(current_setting('kv4j.versions', true), '')::int8[] AS a) vs
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
-- the first id of a transaction's commits, and all of them. Takes the first id (version -1), so
-- a transaction with it still under way waits for this or fails; then the version each id got.
-- The commits of one transaction share its fate: all have their versions, or the first has -1
-- and the others no row
INSERT INTO ${schema}.commits (id, version) VALUES (?::uuid, -1) ON CONFLICT (id) DO NOTHING;
SELECT id, version FROM ${schema}.commits WHERE id = ANY(?::uuid[])

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
