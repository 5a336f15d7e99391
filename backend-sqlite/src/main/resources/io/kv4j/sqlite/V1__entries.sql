-- Entries by function and key. Keys are TEXT in a UTF-8 database: the default collation, BINARY,
-- compares UTF-8 bytes, which is kv4j's key order, so the primary key serves listings directly.
CREATE TABLE entries (
    namespace TEXT NOT NULL,
    key TEXT NOT NULL,
    value BLOB NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (namespace, key)
) WITHOUT ROWID;

-- The last version given out: every commit that writes takes the next one under SQLite's write
-- lock, so versions follow commit order across every process that shares the file.
CREATE TABLE clock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO clock (id, version) VALUES (1, 0);

-- The ids of the last commits, by version, written in the commit itself: a commit whose answer
-- was lost is looked up here.
CREATE TABLE commits (
    version INTEGER PRIMARY KEY,
    id BLOB NOT NULL
);
