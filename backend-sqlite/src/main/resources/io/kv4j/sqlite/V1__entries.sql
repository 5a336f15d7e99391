-- Entries by function and key. Keys are TEXT in a UTF-8 database: the default collation, BINARY,
-- compares UTF-8 bytes, which is kv4j's key order, so the primary key serves listings directly.
CREATE TABLE entries (
    namespace TEXT NOT NULL,
    key TEXT NOT NULL,
    value BLOB NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (namespace, key)
) WITHOUT ROWID;

-- The ids of the last commits that wrote, by version, each written in its commit: a commit
-- whose answer was lost is looked up here. The greatest version is the last one given out: every
-- commit that writes takes the next one under SQLite's write lock, so versions follow commit
-- order across every process that shares the file, and expiry never removes the greatest.
CREATE TABLE commits (
    version INTEGER PRIMARY KEY,
    id BLOB NOT NULL
);
