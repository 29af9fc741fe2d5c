package org.rnn4j.cli.commands;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A plain-text table with a header row and aligned columns, for results on stdout. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;
    private final Set<Integer> right = new HashSet<>();

    Table(String... header) {
        columns = header.length;
        rows.add(header);
    }

    /** Right-aligns the given columns (numbers). */
    Table alignRight(int... cols) {
        for (int c : cols) {
            right.add(c);
        }
        return this;
    }

    Table row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("table: row of " + cells.length + " cells, header has " + columns);
        }
        rows.add(cells);
        return this;
    }

    void print(PrintWriter out) {
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    sb.append("  ");
                }
                String pad = " ".repeat(width[c] - r[c].length());
                sb.append(right.contains(c) ? pad + r[c] : (c == columns - 1 ? r[c] : r[c] + pad));
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
