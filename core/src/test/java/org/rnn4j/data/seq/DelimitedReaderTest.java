package org.rnn4j.data.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.InputFormatException;

class DelimitedReaderTest {

    private static List<Example> read(String text, String name, DelimitedOptions o) {
        try (Stream<Example> s = DelimitedReader.read(new StringReader(text), name, o)) {
            return s.toList();
        }
    }

    @Test
    void usualColumnsOfTheSpliceLayout(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("splice.tsv");
        Files.writeString(f, "id\tlabel\tsequence\n1\tn\tCTAGG\n\n5\tie\tCTCCC \n");
        List<Example> ex;
        try (Stream<Example> s = DelimitedReader.read(f, DelimitedOptions.DEFAULTS)) {
            ex = s.toList();
        }
        assertEquals(2, ex.size());
        assertEquals(new Example("1", "n", "CTAGG", ex.get(0).source()), ex.get(0));
        assertEquals("5", ex.get(1).id());
        assertEquals("ie", ex.get(1).label());
        assertEquals("CTCCC", ex.get(1).sequence()); // trimmed
        assertEquals(f + ":2", ex.get(0).source().toString());
        assertEquals(f + ":4", ex.get(1).source().toString()); // the blank line still counts
    }

    @Test
    void csvQuotingHoldsCommasQuotesAndLineBreaks() {
        String csv = "text,class\n\"Hello, world\",pos\n\"She said \"\"no\"\"\nand left\",neg\nplain,neg\n";
        List<Example> ex = read(csv, "reviews.csv", DelimitedOptions.DEFAULTS);
        assertEquals(3, ex.size());
        assertEquals("Hello, world", ex.get(0).sequence());
        assertEquals("She said \"no\"\nand left", ex.get(1).sequence());
        assertEquals("neg", ex.get(1).label());
        assertEquals("3", ex.get(1).id()); // no id column: the line number
        assertEquals("reviews.csv:5", ex.get(2).source().toString());
    }

    @Test
    void chosenColumnsByNameAndNumber() {
        String tsv = "name\tseqA\ty\tseqB\nr1\tACGT\t1\tTTTT\n";
        DelimitedOptions byName = DelimitedOptions.DEFAULTS.withSequence(Column.named("SEQB")).withLabel(Column.named("y"));
        Example e = read(tsv, "x.tsv", byName).get(0);
        assertEquals("r1", e.id());
        assertEquals("TTTT", e.sequence());
        assertEquals("1", e.label());
        DelimitedOptions byNumber = DelimitedOptions.DEFAULTS.withSequence(Column.parse("2")).withLabel(Column.absent())
                .withId(Column.absent());
        Example f = read(tsv, "x.tsv", byNumber).get(0);
        assertEquals("ACGT", f.sequence());
        assertNull(f.label());
        assertEquals("2", f.id());
    }

    @Test
    void noHeaderRowUsesNumbersAndKeepsTheFirstRow() {
        DelimitedOptions o = DelimitedOptions.DEFAULTS.withHeader(DelimitedOptions.HeaderRow.ABSENT)
                .withSequence(Column.number(2)).withLabel(Column.number(1));
        List<Example> ex = read("a,ACG\nb,TTG\n", "data.txt", o);
        assertEquals(List.of("ACG", "TTG"), ex.stream().map(Example::sequence).toList());
        assertEquals(List.of("a", "b"), ex.stream().map(Example::label).toList());
        assertEquals("data.txt:1", ex.get(0).source().toString());
    }

    @Test
    void badRowsNameFileLineAndProblem() {
        InputFormatException fields = assertThrows(InputFormatException.class,
                () -> read("id\tlabel\tsequence\n1\tn\tACGT\n2\tn\n", "t.tsv", DelimitedOptions.DEFAULTS));
        assertEquals("t.tsv:3: expected 3 fields (id, label, sequence), found 2", fields.getMessage());
        InputFormatException empty = assertThrows(InputFormatException.class,
                () -> read("id\tlabel\tsequence\n1\tn\t  \n", "t.tsv", DelimitedOptions.DEFAULTS));
        assertEquals("t.tsv:2: empty sequence in column 'sequence'", empty.getMessage());
        InputFormatException column = assertThrows(InputFormatException.class,
                () -> read("id,label,dna\n1,n,A\n", "t.csv", DelimitedOptions.DEFAULTS));
        assertEquals("t.csv:1: no sequence column in the header (looked for sequence, seq, text, sentence; columns: id, label, dna);"
                + " choose one by name or number", column.getMessage());
        InputFormatException named = assertThrows(InputFormatException.class,
                () -> read("id,label,dna\n", "t.csv", DelimitedOptions.DEFAULTS.withSequence(Column.named("seq"))));
        assertEquals("t.csv:1: no sequence column 'seq' in the header (columns: id, label, dna)", named.getMessage());
        InputFormatException quote = assertThrows(InputFormatException.class,
                () -> read("text\n\"abc\n", "q.csv", DelimitedOptions.DEFAULTS));
        assertEquals("q.csv:2:1: quoted field 1 is not closed before the end of the file", quote.getMessage());
        assertThrows(InputFormatException.class, () -> read("", "e.csv", DelimitedOptions.DEFAULTS));
    }

    @Test
    void tsvQuotesAreTextUnlessTheyEncloseTheField() {
        String tsv = "id\tlabel\tsequence\n"
                + "1\ta\t\"What is his name?\" \"Bingley.\" he said\n" // prose starting with a quote
                + "2\tb\t\"Oh! Single, my dear\n" // an opening quote closed in another passage
                + "3\ta\t\"tab\tinside, \"\"quoted\"\"\"\n"; // quoted as a CSV writer would
        List<Example> ex = read(tsv, "books.tsv", DelimitedOptions.DEFAULTS);
        assertEquals(3, ex.size());
        assertEquals("\"What is his name?\" \"Bingley.\" he said", ex.get(0).sequence());
        assertEquals("\"Oh! Single, my dear", ex.get(1).sequence());
        assertEquals("tab\tinside, \"quoted\"", ex.get(2).sequence());
        // CSV keeps RFC 4180: text after a closing quote is an error
        InputFormatException csv = assertThrows(InputFormatException.class,
                () -> read("id,text\n1,\"Oh!\" she said\n", "q.csv", DelimitedOptions.DEFAULTS));
        assertEquals("q.csv:2:9: unexpected character 's' after the closing quote of field 2", csv.getMessage());
    }

    @Test
    void streamingReadsOnlyWhatIsAskedFor() {
        // row 4 is broken, but the first two examples can be taken without reaching it
        String tsv = "id\tlabel\tsequence\n1\ta\tAC\n2\tb\tGT\nbroken\n";
        try (Stream<Example> s = DelimitedReader.read(new StringReader(tsv), "big.tsv", DelimitedOptions.DEFAULTS)) {
            Iterator<Example> it = s.iterator();
            assertEquals("AC", it.next().sequence());
            assertEquals("GT", it.next().sequence());
            InputFormatException e = assertThrows(InputFormatException.class, it::hasNext);
            assertEquals("big.tsv:4", e.location().toString());
        }
    }

    @Test
    void gzipBomAndInvalidUtf8(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("d.tsv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("\uFEFFid\tlabel\tsequence\n7\tx\tGATTACA\n".getBytes(StandardCharsets.UTF_8));
        }
        try (Stream<Example> s = DelimitedReader.read(gz, DelimitedOptions.DEFAULTS)) {
            Example e = s.toList().get(0);
            assertEquals("7", e.id()); // the BOM did not hide the "id" header
            assertEquals("GATTACA", e.sequence());
        }
        Path bad = dir.resolve("bad.tsv");
        byte[] head = "id\tlabel\tsequence\n1\tx\tAC\n2\tx\t".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3; // a lone lead byte
        bytes[head.length + 1] = '\n';
        Files.write(bad, bytes);
        InputFormatException e = assertThrows(InputFormatException.class, () -> {
            try (Stream<Example> s = DelimitedReader.read(bad, DelimitedOptions.DEFAULTS)) {
                s.toList();
            }
        });
        assertEquals("not valid UTF-8 text", e.problem());
        assertEquals(bad.toString(), e.location().file());
    }

    @Test
    void delimiterFromNameOrFirstLine() {
        assertEquals('\t', DelimitedReader.chooseDelimiter(DelimitedOptions.Delimiter.AUTO, "a.tsv", "x,y"));
        assertEquals(',', DelimitedReader.chooseDelimiter(DelimitedOptions.Delimiter.AUTO, "a.csv", "x\ty"));
        assertEquals('\t', DelimitedReader.chooseDelimiter(DelimitedOptions.Delimiter.AUTO, "a.txt", "x\ty"));
        assertEquals(',', DelimitedReader.chooseDelimiter(DelimitedOptions.Delimiter.AUTO, "a.txt", "x,y"));
        assertEquals(',', DelimitedReader.chooseDelimiter(DelimitedOptions.Delimiter.COMMA, "a.tsv", "x\ty"));
    }
}
