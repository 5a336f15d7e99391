-- Version 1 of the kv4j schema. ${schema} and ${channel} are replaced when it is applied.

-- One row per entry. The namespace (the function) leads the primary key so that the table can be
-- distributed by namespace. COLLATE "C" makes ORDER BY follow UTF-8 byte order, which is the
-- order of listings on every backend.
CREATE TABLE ${schema}.entries (
    namespace text COLLATE "C" NOT NULL,
    key       text COLLATE "C" NOT NULL,
    -- the value for queries; NULL only when jsonb cannot hold it (the escape \u0000 in a string)
    value     jsonb,
    -- the value exactly as written, kept only when jsonb would give it back changed
    exact     json,
    -- changes on every write; never reused for a key (from the sequence below)
    version   bigint NOT NULL,
    PRIMARY KEY (namespace, key),
    CHECK (value IS NOT NULL OR exact IS NOT NULL)
);

CREATE SEQUENCE ${schema}.versions AS bigint;

-- Validates what a transaction read and applies its writes, in one call. Run in a SERIALIZABLE
-- transaction. Returns the version given to the writes (0 when there were none) and no conflict,
-- or no version and the first check that failed: 'read:<n>' (the n-th point read, from 1) or
-- 'range:<n>' (the n-th range); nothing is written then.
CREATE FUNCTION ${schema}.commit_v1(
    r_ns text[], r_key text[], r_ver bigint[],
    g_ns text[], g_low text[], g_high text[], g_from int[], g_to int[],
    s_key text[], s_ver bigint[],
    w_ns text[], w_key text[], w_val text[], w_shape smallint[],
    origin text)
RETURNS TABLE (committed bigint, conflict text)
LANGUAGE plpgsql AS $fn$
DECLARE
    bad bigint;
    i int;
    now_keys text[];
    now_vers bigint[];
    v bigint;
    payload text;
BEGIN
    SELECT r.n INTO bad
      FROM unnest(r_ns, r_key, r_ver) WITH ORDINALITY AS r(ns, k, ver, n)
      LEFT JOIN ${schema}.entries e ON e.namespace = r.ns AND e.key = r.k
     WHERE coalesce(e.version, 0) <> r.ver
     LIMIT 1;
    IF bad IS NOT NULL THEN
        RETURN QUERY SELECT NULL::bigint, 'read:' || bad;
        RETURN;
    END IF;

    FOR i IN 1 .. coalesce(cardinality(g_ns), 0) LOOP
        IF g_high[i] IS NULL THEN
            SELECT coalesce(array_agg(e.key ORDER BY e.key), '{}'),
                   coalesce(array_agg(e.version ORDER BY e.key), '{}')
              INTO now_keys, now_vers
              FROM ${schema}.entries e
             WHERE e.namespace = g_ns[i] AND e.key >= g_low[i];
        ELSE
            SELECT coalesce(array_agg(e.key ORDER BY e.key), '{}'),
                   coalesce(array_agg(e.version ORDER BY e.key), '{}')
              INTO now_keys, now_vers
              FROM ${schema}.entries e
             WHERE e.namespace = g_ns[i] AND e.key >= g_low[i] AND e.key < g_high[i];
        END IF;
        IF now_keys <> (s_key[g_from[i]:g_to[i]] COLLATE "C")
                OR now_vers <> s_ver[g_from[i]:g_to[i]] THEN
            RETURN QUERY SELECT NULL::bigint, 'range:' || i;
            RETURN;
        END IF;
    END LOOP;

    IF coalesce(cardinality(w_ns), 0) = 0 THEN
        RETURN QUERY SELECT 0::bigint, NULL::text;
        RETURN;
    END IF;
    v := nextval('${schema}.versions');
    DELETE FROM ${schema}.entries e
     USING unnest(w_ns, w_key, w_val) AS w(ns, k, val)
     WHERE w.val IS NULL AND e.namespace = w.ns AND e.key = w.k;
    INSERT INTO ${schema}.entries AS e (namespace, key, value, exact, version)
    SELECT w.ns, w.k,
           CASE WHEN w.shape < 2 THEN w.val::jsonb END,
           CASE WHEN w.shape > 0 THEN w.val::json END,
           v
      FROM unnest(w_ns, w_key, w_val, w_shape) AS w(ns, k, val, shape)
     WHERE w.val IS NOT NULL
    ON CONFLICT (namespace, key) DO UPDATE
       SET value = excluded.value, exact = excluded.exact, version = excluded.version;
    IF origin IS NOT NULL THEN
        -- <length>:<namespace><length>:<key> per write, lengths in characters; '*' when too long
        SELECT string_agg(length(w.ns) || ':' || w.ns || length(w.k) || ':' || w.k, '')
          INTO payload
          FROM unnest(w_ns, w_key) AS w(ns, k);
        IF octet_length(payload) > 7000 THEN
            payload := '*';
        END IF;
        PERFORM pg_notify('${channel}', origin || ' ' || payload);
    END IF;
    RETURN QUERY SELECT v, NULL::text;
END
$fn$;
