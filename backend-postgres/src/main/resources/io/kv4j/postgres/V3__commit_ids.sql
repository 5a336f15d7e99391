-- Version 3 of the kv4j schema: every commit that writes records its id, so that a client whose
-- connection broke before the answer came can find out whether the commit landed.
-- ${schema} is replaced when this is applied.

-- One row per commit that wrote, inserted in the commit's own transaction. A client looking a
-- commit up first inserts the id itself with version -1 (ON CONFLICT DO NOTHING): a commit still
-- under way then waits for it or fails on the primary key, so the answer "it did not land" is
-- final and the client may send the writes again. Rows expire after commit-id-retention-ms;
-- the index on "at" lets the expiry delete old rows without reading the others.
CREATE TABLE ${schema}.commits (
    id      uuid PRIMARY KEY,
    version bigint NOT NULL,
    at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX commits_at ON ${schema}.commits (at);
