package org.rnn4j.data.seq;

import java.io.Reader;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.rnn4j.data.LineReader;

/**
 * Splits a plain-text file into passages ({@link PassageSplit}), streaming. Every passage gets the
 * same label (e.g. the language of a word list, the author of a book), or none. Ids are
 * {@code NAME#N} with N counting passages from 1 and NAME the file name; the location is the line
 * where the passage starts.
 */
public final class PassageReader {
    private PassageReader() {
    }

    /** {@code label} may be null (unlabelled). */
    public static Stream<Example> read(Path path, PassageSplit split, String label) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        return read(LineReader.open(path), name, split, label);
    }

    /** {@code name} is used in ids and error messages. */
    public static Stream<Example> read(Reader reader, String name, PassageSplit split, String label) {
        return read(new LineReader(reader, name), name, split, label);
    }

    private static Stream<Example> read(LineReader in, String name, PassageSplit split, String label) {
        if (label != null && label.isBlank()) {
            in.close();
            throw new IllegalArgumentException("passages: label must be non-blank or null, got \"" + label + "\"");
        }
        return ExampleIterator.stream(new Passages(in, name, split, label));
    }

    private static final class Passages extends ExampleIterator {
        private final LineReader in;
        private final String name;
        private final PassageSplit split;
        private final String label;
        private long count;
        // WordWindows: words of the current line not yet used
        private String[] words = new String[0];
        private int nextWord;

        Passages(LineReader in, String name, PassageSplit split, String label) {
            this.in = in;
            this.name = name;
            this.split = split;
            this.label = label;
        }

        @Override
        protected Example computeNext() {
            StringBuilder text = new StringBuilder();
            long start = 0;
            if (split instanceof PassageSplit.WordWindows w) {
                int n = 0;
                while (n < w.words()) {
                    if (nextWord == words.length) {
                        String line = in.readLine();
                        if (line == null) {
                            break;
                        }
                        String t = line.strip();
                        words = t.isEmpty() ? new String[0] : t.split("\\s+");
                        nextWord = 0;
                        continue;
                    }
                    if (n == 0) {
                        start = in.lineNumber();
                    } else {
                        text.append(' ');
                    }
                    text.append(words[nextWord++]);
                    n++;
                }
            } else {
                boolean paragraphs = split instanceof PassageSplit.Paragraphs;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String t = line.strip();
                    if (t.isEmpty()) {
                        if (text.length() > 0) {
                            break;
                        }
                        continue;
                    }
                    if (text.length() == 0) {
                        start = in.lineNumber();
                    } else {
                        text.append(' ');
                    }
                    text.append(t);
                    if (!paragraphs) {
                        break;
                    }
                }
            }
            if (text.length() == 0) {
                return null;
            }
            count++;
            return new Example(name + "#" + count, label, text.toString(), in.at(start));
        }

        @Override
        public void close() {
            in.close();
        }
    }
}
