package io.kv4j.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of the rights a store needs on its schema the connected user lacks, read from the catalog
 * after PostgreSQL said "permission denied", whose message names the object but not the right.
 * The rights are those the README's grants give: USAGE on the schema, SELECT, INSERT, UPDATE and
 * DELETE on its tables, USAGE and SELECT on its sequences, EXECUTE on its functions.
 */
final class Privileges {

    /**
     * Per object of the schema: its kind, name, the rights lacked (from the catalog's
     * has_*_privilege functions), and where it comes in the message.
     */
    private static final String SQL = "SELECT 'schema', n.nspname, "
            + "concat_ws(', ', CASE WHEN NOT has_schema_privilege(n.oid, 'USAGE') THEN 'USAGE' END), "
            + "0 FROM pg_namespace n WHERE n.nspname = ? "
            + "UNION ALL SELECT CASE c.relkind WHEN 'S' THEN 'sequence' ELSE 'table' END, "
            + "n.nspname || '.' || c.relname, CASE WHEN c.relkind = 'S' THEN concat_ws(', ', "
            + "CASE WHEN NOT has_sequence_privilege(c.oid, 'USAGE') THEN 'USAGE' END, "
            + "CASE WHEN NOT has_sequence_privilege(c.oid, 'SELECT') THEN 'SELECT' END) "
            + "ELSE concat_ws(', ', "
            + "CASE WHEN NOT has_table_privilege(c.oid, 'SELECT') THEN 'SELECT' END, "
            + "CASE WHEN NOT has_table_privilege(c.oid, 'INSERT') THEN 'INSERT' END, "
            + "CASE WHEN NOT has_table_privilege(c.oid, 'UPDATE') THEN 'UPDATE' END, "
            + "CASE WHEN NOT has_table_privilege(c.oid, 'DELETE') THEN 'DELETE' END) END, "
            + "CASE c.relkind WHEN 'S' THEN 2 ELSE 1 END FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'S') "
            + "UNION ALL SELECT 'function', n.nspname || '.' || p.proname, "
            + "concat_ws(', ', CASE WHEN NOT has_function_privilege(p.oid, 'EXECUTE') "
            + "THEN 'EXECUTE' END), 3 "
            + "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ? "
            + "ORDER BY 4, 2";

    private Privileges() {
    }

    /**
     * What the user lacks, as {@code user 'app' lacks USAGE on schema kv4j; SELECT, INSERT on
     * table kv4j.entries}; null when it lacks none of these rights, or the catalog cannot be read.
     */
    static String lacking(Connection c, String schema) {
        List<String> missing = new ArrayList<>();
        String user;
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, schema);
            ps.setString(2, schema);
            ps.setString(3, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getString(3).isEmpty()) {
                        missing.add(rs.getString(3) + " on " + rs.getString(1) + " "
                                + rs.getString(2));
                    }
                }
            }
            try (PreparedStatement who = c.prepareStatement("SELECT current_user");
                    ResultSet rs = who.executeQuery()) {
                rs.next();
                user = rs.getString(1);
            }
        } catch (SQLException e) {
            // the message then gives PostgreSQL's words alone
            return null;
        }
        return missing.isEmpty() ? null : "user '" + user + "' lacks " + String.join("; ", missing);
    }
}
