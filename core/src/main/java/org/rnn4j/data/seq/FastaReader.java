package org.rnn4j.data.seq;

import java.io.Reader;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.LineReader;
import org.rnn4j.data.SourceLocation;

/**
 * Reads FASTA records, streaming one record at a time (a file larger than memory can be scored;
 * one record must fit). A record is a {@code >} header line followed by any number of sequence
 * lines, which are joined with all whitespace removed. Blank lines and lines starting with
 * {@code ;} are skipped. The id is the header's first word; the label follows {@link FastaLabels}.
 * Letters are kept as they are (encoders decide about case). Errors: sequence before the first
 * header, an empty header, a record without sequence, a record missing from a labels table.
 */
public final class FastaReader {
    private FastaReader() {
    }

    public static Stream<Example> read(Path path, FastaLabels labels) {
        return read(LineReader.open(path), labels);
    }

    /** {@code name} is used in error messages. */
    public static Stream<Example> read(Reader reader, String name, FastaLabels labels) {
        return read(new LineReader(reader, name), labels);
    }

    private static Stream<Example> read(LineReader in, FastaLabels labels) {
        return ExampleIterator.stream(new Records(in, labels));
    }

    private static final class Records extends ExampleIterator {
        private final LineReader in;
        private final FastaLabels labels;
        private String header; // of the next record, read ahead
        private long headerLine;

        Records(LineReader in, FastaLabels labels) {
            this.in = in;
            this.labels = labels;
        }

        @Override
        protected Example computeNext() {
            if (header == null) {
                String line = nextContentLine();
                if (line == null) {
                    return null;
                }
                if (line.charAt(0) != '>') {
                    throw in.error("sequence data before the first '>' header line");
                }
                header = line;
                headerLine = in.lineNumber();
            }
            String h = header.substring(1).strip();
            SourceLocation at = in.at(headerLine);
            if (h.isEmpty()) {
                throw new InputFormatException(at, "empty FASTA header (expected '>id ...')");
            }
            StringBuilder seq = new StringBuilder();
            header = null;
            for (String line = nextContentLine(); line != null; line = nextContentLine()) {
                if (line.charAt(0) == '>') {
                    header = line;
                    headerLine = in.lineNumber();
                    break;
                }
                appendWithoutWhitespace(seq, line);
            }
            String id = h.split("\\s+", 2)[0];
            if (seq.length() == 0) {
                throw new InputFormatException(at, "empty sequence for record '" + id + "'");
            }
            return new Example(id, label(h, id, at), seq.toString(), at);
        }

        private String label(String h, String id, SourceLocation at) {
            if (labels instanceof FastaLabels.HeaderKey k) {
                Matcher m = k.pattern().matcher(h);
                return m.find() ? m.group(1) : null;
            }
            if (labels instanceof FastaLabels.LastField f) {
                int i = h.lastIndexOf(f.separator());
                String v = i < 0 ? "" : h.substring(i + f.separator().length()).strip();
                if (v.isEmpty()) {
                    throw new InputFormatException(at, "header of record '" + id + "' has no label after the last '"
                            + f.separator() + "'");
                }
                return v;
            }
            if (labels instanceof FastaLabels.Table t) {
                String v = t.labels().get(id);
                if (v == null) {
                    throw new InputFormatException(at, "record '" + id + "' has no entry in the labels table " + t.source());
                }
                return v;
            }
            return null; // None
        }

        private String nextContentLine() {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String t = line.strip();
                if (!t.isEmpty() && t.charAt(0) != ';') {
                    return t;
                }
            }
            return null;
        }

        private static void appendWithoutWhitespace(StringBuilder sb, String line) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (!Character.isWhitespace(c)) {
                    sb.append(c);
                }
            }
        }

        @Override
        public void close() {
            in.close();
        }
    }
}
