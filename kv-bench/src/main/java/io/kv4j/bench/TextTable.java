package io.kv4j.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Fixed-width columns, numbers right-aligned, for the console. */
final class TextTable {

    private final String[] header;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /** @param header column titles; a title starting with {@code >} is right-aligned (the mark is dropped) */
    TextTable(String... header) {
        this.header = new String[header.length];
        this.rightAligned = new boolean[header.length];
        for (int i = 0; i < header.length; i++) {
            rightAligned[i] = header[i].startsWith(">");
            this.header[i] = rightAligned[i] ? header[i].substring(1) : header[i];
        }
    }

    void add(String... row) {
        if (row.length != header.length) {
            throw new IllegalArgumentException("A row has " + row.length + " cells, the table "
                    + header.length + " columns");
        }
        rows.add(row);
    }

    /** A title over the rows that follow, and the column titles again. */
    void section(String title) {
        rows.add(new String[] {title});
    }

    void print(PrintStream out) {
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
        }
        for (String[] row : rows) {
            if (row.length == header.length) {
                for (int i = 0; i < row.length; i++) {
                    width[i] = Math.max(width[i], row[i].length());
                }
            }
        }
        boolean titled = !rows.isEmpty() && rows.get(0).length != header.length;
        if (!titled) {
            out.println(line(header, width));
        }
        for (String[] row : rows) {
            if (row.length == header.length) {
                out.println(line(row, width));
            } else {
                out.println();
                out.println(row[0]);
                out.println(line(header, width));
            }
        }
    }

    private String line(String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append("  ");
            }
            String pad = " ".repeat(width[i] - cells[i].length());
            sb.append(rightAligned[i] ? pad + cells[i] : cells[i] + pad);
        }
        return sb.toString().stripTrailing();
    }
}
