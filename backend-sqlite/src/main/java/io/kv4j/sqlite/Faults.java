package io.kv4j.sqlite;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lost commit answers on demand, for the compatibility kit's durability clauses: a local file has
 * no connection to cut, so {@link SqliteTckFixture} registers a URL (a second spelling of its
 * file's path) on which every commit ends as a failed {@code COMMIT} ends, with an I/O error
 * whose outcome the backend must look up. Only this package can register one; a store opened on
 * any other URL never sees a fault.
 */
final class Faults {

    private static final Map<String, Fault> BY_URL = new ConcurrentHashMap<>();

    private Faults() {
    }

    /** Makes every store opened on {@code url} lose its commits' answers. */
    static void register(String url, boolean goneAfterCut) {
        BY_URL.put(url, new Fault(goneAfterCut));
    }

    static void unregister(String url) {
        BY_URL.remove(url);
    }

    /** The fault of a URL, or null: the case of every store but the kit's. */
    static Fault of(String url) {
        return BY_URL.get(url);
    }

    /**
     * Ends commits in turn before and after they land, so that the lookup of a lost answer is
     * tried both ways; when {@code goneAfterCut}, the file cannot be opened after the first cut,
     * so the lookup cannot be made.
     */
    static final class Fault {

        private final boolean goneAfterCut;
        private int commits;
        private volatile boolean gone;

        private Fault(boolean goneAfterCut) {
            this.goneAfterCut = goneAfterCut;
        }

        /** Ends the transaction on the writer, then reports its answer lost. */
        synchronized void commit(Session writer) throws SQLException {
            boolean lands = commits++ % 2 == 1;
            writer.execute(lands ? "COMMIT" : "ROLLBACK");
            gone = goneAfterCut;
            throw new SQLException("[SQLITE_IOERR] disk I/O error (the kit's fault: the commit "
                    + (lands ? "landed" : "did not land") + ")", null, Failures.IOERR);
        }

        /** Refuses to open or look up anything once the file is gone. */
        void checkReachable() throws SQLException {
            if (gone) {
                throw new SQLException("[SQLITE_CANTOPEN] unable to open database file (the "
                        + "kit's fault)", null, Failures.CANTOPEN);
            }
        }
    }
}
