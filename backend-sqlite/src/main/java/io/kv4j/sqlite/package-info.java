/**
 * The SQLite backend: {@code kv:sqlite:path/to/file.db} keeps a store in one SQLite file in WAL
 * mode, one writer at a time and readers never blocked, shared by every process of the host that
 * opens the same file.
 */
package io.kv4j.sqlite;
