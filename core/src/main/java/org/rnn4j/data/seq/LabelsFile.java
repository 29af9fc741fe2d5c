package org.rnn4j.data.seq;

import java.io.Reader;
import java.nio.file.Path;
import java.util.HashMap;
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
            String[] f = t.split(t.indexOf('\t') >= 0 ? "\\s*\t\\s*" : t.indexOf(',') >= 0 ? "\\s*,\\s*" : "\\s+");
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
}
