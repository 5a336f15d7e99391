-- The statements of reads, read once when a store opens (SqlFile); ${schema} is replaced then, as
-- in the migrations. Each "-- name:" line starts a statement; the other comment lines are dropped.

-- name: read
-- namespace, key
SELECT version, coalesce(exact::text, value::text) AS value
  FROM ${schema}.entries WHERE namespace = ? AND key = ?

-- name: read-version
-- namespace, key: confirms a read served from the cache
SELECT version FROM ${schema}.entries WHERE namespace = ? AND key = ?

-- name: read-many
-- namespace, keys: in no particular order, the caller puts them in the order asked for
SELECT key, version, coalesce(exact::text, value::text) AS value
  FROM ${schema}.entries WHERE namespace = ? AND key = ANY(?::text[])

-- name: scan
-- namespace, start, end, limit: the range [start, end)
SELECT key, version, coalesce(exact::text, value::text) AS value
  FROM ${schema}.entries WHERE namespace = ? AND key >= ? AND key < ? ORDER BY key LIMIT ?

-- name: scan-to-end
-- namespace, start, limit
SELECT key, version, coalesce(exact::text, value::text) AS value
  FROM ${schema}.entries WHERE namespace = ? AND key >= ? ORDER BY key LIMIT ?

-- name: scan-reverse
-- namespace, start, end, limit: the range [start, end), last key first
SELECT key, version, coalesce(exact::text, value::text) AS value
  FROM ${schema}.entries WHERE namespace = ? AND key >= ? AND key < ? ORDER BY key DESC LIMIT ?

-- name: scan-reverse-to-end
-- namespace, start, limit
SELECT key, version, coalesce(exact::text, value::text) AS value
  FROM ${schema}.entries WHERE namespace = ? AND key >= ? ORDER BY key DESC LIMIT ?

-- name: namespaces
-- after, whether from the first, limit: one index probe per name, however many keys each holds
WITH RECURSIVE n(name) AS (
  (SELECT namespace FROM ${schema}.entries WHERE namespace > ? OR ? ORDER BY namespace LIMIT 1)
  UNION ALL
  SELECT (SELECT e.namespace FROM ${schema}.entries e WHERE e.namespace > n.name
           ORDER BY e.namespace LIMIT 1)
    FROM n WHERE n.name IS NOT NULL)
SELECT name FROM n WHERE name IS NOT NULL LIMIT ?

-- name: schema-version
SELECT max(version) AS version FROM ${schema}.schema_version
