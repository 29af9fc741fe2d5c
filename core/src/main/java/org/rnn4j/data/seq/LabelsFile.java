package org.rnn4j.data.seq;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.data.LineReader;
import org.rnn4j.data.SourceLocation;

/**
 * A table of labels by id: one {@code id label} pair per line, separated by a tab, a comma or
 * spaces. Blank lines and lines starting with {@code #} are skipped; a first line {@code id label}
 * (any case) is a header and skipped. A line without exactly two fields, or a repeated id, is an
 * error naming the line.
 */
public final class LabelsFile {
    private LabelsFile() {
    }

    public static Map<String, String> read(Path path) {
        try (LineReader in = LineReader.open(path)) {
            return read(in);
        }
    }

    public static Map<String, String> read(Reader reader, String name) {
        try (LineReader in = new LineReader(reader, name)) {
            return read(in);
        }
    }

    private static Map<String, String> read(LineReader in) {
        Map<String, String> labels = new HashMap<>();
        Map<String, Long> lineOf = new HashMap<>();
        boolean first = true;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            List<String> parts = fields(t);
            String[] f = parts.toArray(new String[0]);
            if (f.length != 2 || f[0].isEmpty() || f[1].isEmpty()) {
                throw in.error("expected 2 fields (id, label), found " + f.length);
            }
            boolean header = first && f[0].equalsIgnoreCase("id") && f[1].equalsIgnoreCase("label");
            first = false;
            if (header) {
                continue;
            }
            Long previous = lineOf.putIfAbsent(f[0], in.lineNumber());
            if (previous != null) {
                throw in.error("id '" + f[0] + "' is repeated (first at " + new SourceLocation(in.name(), previous) + ")");
            }
            labels.put(f[0], f[1]);
        }
        return labels;
    }

    /**
     * The fields of a stripped line, in one pass: split at each run of whitespace holding a tab
     * when the line has a tab, else at each comma (whitespace around it dropped) when it has one,
     * else at each run of whitespace. Trailing empty fields are dropped, as {@link String#split} does.
     */
    static List<String> fields(String t) {
        List<String> out = new ArrayList<>();
        int n = t.length();
        if (t.indexOf('\t') >= 0 || t.indexOf(',') < 0) {
            boolean tabs = t.indexOf('\t') >= 0;
            int start = 0;
            int i = 0;
            while (i < n) {
                if (!isSpace(t.charAt(i))) {
                    i++;
                    continue;
                }
                int j = i;
                boolean tab = false;
                while (j < n && isSpace(t.charAt(j))) {
                    tab |= t.charAt(j) == '\t';
                    j++;
                }
                if (!tabs || tab) {
                    out.add(t.substring(start, i));
                    start = j;
                }
                i = j;
            }
            out.add(t.substring(start));
        } else {
            int start = 0;
            for (int i = 0; i <= n; i++) {
                if (i == n || t.charAt(i) == ',') {
                    int a = start;
                    int b = i;
                    while (a < b && isSpace(t.charAt(a))) {
                        a++;
                    }
                    while (b > a && isSpace(t.charAt(b - 1))) {
                        b--;
                    }
                    out.add(t.substring(a, b));
                    start = i + 1;
                }
            }
        }
        while (out.size() > 1 && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** The characters of the regex class {@code \\s}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
