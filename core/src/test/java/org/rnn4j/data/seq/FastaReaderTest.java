package org.rnn4j.data.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.InputFormatException;

class FastaReaderTest {

    private static final String MULTI = """
            ;old-style comment
            >seq1 label=ei len=12
            ACGTAC
            GT AC

            gg
            >seq2|label=n some description
            TTTT
            >seq3 no label here
            A
            """;

    private static List<Example> read(String text, FastaLabels labels) {
        try (Stream<Example> s = FastaReader.read(new StringReader(text), "r.fa", labels)) {
            return s.toList();
        }
    }

    @Test
    void multiLineRecordsWithHeaderKeyLabels() {
        List<Example> ex = read(MULTI, FastaLabels.DEFAULT);
        assertEquals(3, ex.size());
        assertEquals(new Example("seq1", "ei", "ACGTACGTACgg", ex.get(0).source()), ex.get(0));
        assertEquals("r.fa:2", ex.get(0).source().toString());
        assertEquals("seq2|label=n", ex.get(1).id());
        assertEquals("n", ex.get(1).label());
        assertEquals("TTTT", ex.get(1).sequence());
        assertEquals("r.fa:9", ex.get(2).source().toString());
        assertNull(ex.get(2).label());
        assertEquals("A", ex.get(2).sequence());
        assertEquals(List.of("12", "12", "12"), read(MULTI, FastaLabels.headerKey("len")).stream()
                .map(e -> e.label() == null ? "12" : e.label()).toList());
    }

    @Test
    void lastFieldRule() {
        List<Example> ex = read(">chr1:1-4|donor\nACGT\n>chr2:5-9 | acceptor \nTTGA\n", FastaLabels.lastField("|"));
        assertEquals(List.of("donor", "acceptor"), ex.stream().map(Example::label).toList());
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> read(">x\nACGT\n>y|\nA\n", FastaLabels.lastField("|")));
        assertEquals("r.fa:1: header of record 'x' has no label after the last '|'", e.getMessage());
    }

    @Test
    void labelsFileMapsIds(@TempDir Path dir) throws IOException {
        Path labels = dir.resolve("labels.tsv");
        Files.writeString(labels, "# labels for reads.fa\nid\tlabel\nseq1\tpos\nseq2|label=n\tneg\nseq3\tpos\n");
        Path fasta = dir.resolve("reads.fa");
        Files.writeString(fasta, MULTI);
        List<Example> ex;
        try (Stream<Example> s = FastaReader.read(fasta, FastaLabels.file(labels))) {
            ex = s.toList();
        }
        assertEquals(List.of("pos", "neg", "pos"), ex.stream().map(Example::label).toList());

        FastaLabels partial = new FastaLabels.Table(Map.of("seq1", "pos"), "labels.tsv");
        InputFormatException e = assertThrows(InputFormatException.class, () -> read(MULTI, partial));
        assertEquals("r.fa:7: record 'seq2|label=n' has no entry in the labels table labels.tsv", e.getMessage());
    }

    @Test
    void labelsFileErrors() {
        InputFormatException dup = assertThrows(InputFormatException.class,
                () -> LabelsFile.read(new StringReader("a,x\nb,y\na,z\n"), "l.csv"));
        assertEquals("l.csv:3: id 'a' is repeated (first at l.csv:1)", dup.getMessage());
        InputFormatException fields = assertThrows(InputFormatException.class,
                () -> LabelsFile.read(new StringReader("a x\nb y z\n"), "l.txt"));
        assertEquals("l.txt:2: expected 2 fields (id, label), found 3", fields.getMessage());
        assertEquals(Map.of("a b", "x"), LabelsFile.read(new StringReader("a b\tx\n"), "l.tsv"));
    }

    @Test
    void malformedFastaNamesTheLine() {
        assertEquals("r.fa:1: sequence data before the first '>' header line",
                assertThrows(InputFormatException.class, () -> read("ACGT\n>x\nA\n", FastaLabels.none())).getMessage());
        assertEquals("r.fa:3: empty sequence for record 'b'",
                assertThrows(InputFormatException.class, () -> read(">a\nAC\n>b desc\n\n>c\nA\n", FastaLabels.none())).getMessage());
        assertEquals("r.fa:1: empty sequence for record 'a'",
                assertThrows(InputFormatException.class, () -> read(">a\n", FastaLabels.none())).getMessage());
        assertEquals("r.fa:2: empty FASTA header (expected '>id ...')",
                assertThrows(InputFormatException.class, () -> read("\n>  \nACGT\n", FastaLabels.none())).getMessage());
        assertEquals(List.of(), read("\n; nothing\n\n", FastaLabels.none()));
    }
}
