package org.rnn4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.series.CsvTable;

/** The one delimited-text reader, as the series and the sequence readers use it. */
class DelimitedRecordsTest {

    private static DelimitedRecords records(String text, char delimiter) {
        DelimitedRecords r = new DelimitedRecords(new LineReader(new StringReader(text), "r.csv"));
        r.delimiter(delimiter);
        return r;
    }

    @Test
    void quotedFieldsKeepTheirTextPlainFieldsAreTrimmed() {
        DelimitedRecords r = records(" a , \"b, c \" ,\"x\"\"y\"\n\n\"two\nlines\",,\n", ',');
        assertEquals(List.of("a", "b, c ", "x\"y"), r.next());
        assertEquals(1, r.recordLine());
        assertEquals(List.of("two\nlines", "", ""), r.next());
        assertEquals(3, r.recordLine()); // the blank line counts
        assertEquals("r.csv:3", r.recordLocation().toString());
        assertNull(r.next());
    }

    @Test
    void quotingErrorsNameLineAndColumn() {
        DelimitedRecords open = records("a,b\nc,\"d\n", ',');
        open.next();
        InputFormatException e = assertThrows(InputFormatException.class, open::next);
        assertEquals("r.csv:2:3: quoted field 2 is not closed before the end of the file", e.getMessage());
        assertEquals(new SourceLocation("r.csv", 2, 3), e.location());
        DelimitedRecords after = records("\"a\nb\" x,c\n", ',');
        assertEquals("r.csv:2:4: unexpected character 'x' after the closing quote of field 1",
                assertThrows(InputFormatException.class, after::next).getMessage());
    }

    @Test
    void tabSeparatedQuotesOnlyWhenTheyEncloseTheField() {
        DelimitedRecords r = records("\"Oh!\" she said\t\"a\tb\"\n\"open\tx\n", '\t');
        assertEquals(List.of("\"Oh!\" she said", "a\tb"), r.next());
        assertEquals(List.of("\"open", "x"), r.next());
    }

    @Test
    void seriesTablesReadGzipAndStrictUtf8(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("s.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("time;value\n1;\"2,5\"\n".getBytes(StandardCharsets.UTF_8));
        }
        CsvTable t = CsvTable.read(gz);
        assertEquals(List.of("time", "value"), t.columns());
        assertEquals("2,5", t.cell(0, 1));
        Path bad = dir.resolve("bad.csv");
        Files.write(bad, new byte[] {'t', ',', 'v', '\n', '1', ',', (byte) 0xC3, '\n'});
        InputFormatException e = assertThrows(InputFormatException.class, () -> CsvTable.read(bad));
        assertEquals("not valid UTF-8 text", e.problem()); // the line is where decoding stopped, not exact
        assertEquals(bad.toString(), e.location().file());
    }

    @Test
    void locationsPrintFileLineAndColumn() {
        assertEquals("f", SourceLocation.file("f").toString());
        assertEquals("f:3", new SourceLocation("f", 3).toString());
        assertEquals("f:3:7", new SourceLocation("f", 3).atColumn(7).toString());
        assertThrows(IllegalArgumentException.class, () -> new SourceLocation("f", 0, 2));
    }
}
