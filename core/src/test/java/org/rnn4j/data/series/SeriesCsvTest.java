package org.rnn4j.data.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.InputFormatException;

class SeriesCsvTest {
    static final Path AIR = Path.of("..", "examples", "data", "AirPassengers.csv");
    static final Path SUNSPOT = Path.of("..", "examples", "data", "sunspot.month.csv");

    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, text);
        return f;
    }

    private String error(String text, ColumnChoice choice) throws IOException {
        Path f = csv(text);
        InputFormatException e = assertThrows(InputFormatException.class, () -> SeriesCsv.read(f, choice));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        return e.getMessage().substring(f.toString().length());
    }

    private String error(String text) throws IOException {
        return error(text, ColumnChoice.defaults());
    }

    @Test
    void readsAirPassengers() throws IOException {
        Series s = SeriesCsv.read(AIR);
        assertEquals(144, s.size());
        assertEquals("time", s.timeName());
        assertEquals("value", s.targetName());
        assertEquals(TimeAxis.Kind.YEAR_MONTH, s.time().kind());
        assertEquals(112, s.target(0));
        assertEquals(432, s.target(143));
        assertEquals("1960-12", s.time().label(143));
        assertEquals(2, s.lineOf(0));
        assertEquals(145, s.lineOf(143));
        assertEquals(List.of("1961-01", "1961-02"), s.time().extend(2));
    }

    @Test
    void readsSunspotsWithZeros() throws IOException {
        Series s = SeriesCsv.read(SUNSPOT);
        assertEquals(3177, s.size());
        assertEquals("2013-09", s.time().label(3176));
        assertEquals(37, s.target(3176));
    }

    @Test
    void quotesSeparatorsBomAndCrlf() throws IOException {
        Path f = csv("\uFEFFdate;\"sales, EUR\";temp\r\n2020-01-01; \"1,5e2\" ;3\r\n\r\n2020-01-02;-2;4.5\r\n");
        // Semicolon separator detected from the header; quoted fields keep their commas.
        CsvTable t = CsvTable.read(f);
        assertEquals(List.of("date", "sales, EUR", "temp"), t.columns());
        assertEquals("1,5e2", t.cell(0, 1));
        assertEquals(4, t.line(1));
        Series s = SeriesCsv.read(csv("date,\"sa\"\"les\",temp\n2020-01-01,150,3\n2020-01-02,-2,4.5\n"),
                ColumnChoice.defaults().withTarget("sa\"les").withCovariates(List.of("temp")));
        assertArrayEquals(new double[] {150, -2}, s.target());
        assertArrayEquals(new double[] {3, 4.5}, s.covariate(0));
        assertEquals(TimeAxis.Kind.DATE, s.time().kind());
    }

    @Test
    void targetDefaultsToValueThenTheOnlyNumericColumn() throws IOException {
        assertEquals("value", SeriesCsv.read(csv("t,x,value\n1,2,3\n2,4,5\n")).targetName());
        Series s = SeriesCsv.read(csv("month,region,load\n2020-01,north,3\n2020-02,north,4\n"));
        assertEquals("month", s.timeName()); // no time-like name: the first column
        assertEquals("load", s.targetName());
        assertEquals("ds", SeriesCsv.read(csv("y,ds\n1,2020-01-01\n2,2020-01-02\n")).timeName());
    }

    @Test
    void ambiguousOrMissingTargetListsCandidates() throws IOException {
        String m = error("time,a,b,c\n1,2,3,x\n2,4,5,y\n");
        assertTrue(m.contains("cannot choose the target column") && m.contains("'a', 'b'") && !m.contains("'c'"), m);
        m = error("time,name\n1,x\n2,y\n");
        assertTrue(m.contains("no numeric value column") && m.contains("'name'"), m);
        m = error("time,value\n1,2\n", ColumnChoice.defaults().withTarget("sales"));
        assertEquals(": unknown target column 'sales'; the columns are 'time', 'value'", m);
        m = error("time,value\n1,2\n", ColumnChoice.defaults().withCovariates(List.of("temp")));
        assertTrue(m.contains("unknown covariate column 'temp'"), m);
    }

    @Test
    void badCellsNameLineAndColumn() throws IOException {
        assertEquals(":3: column 'value' (2): missing value; fill or drop the row", error("time,value\n1,2\n2,\n3,4\n"));
        assertEquals(":3: column 'value' (2): missing value 'NA'; fill or drop the row", error("time,value\n1,2\n2,NA\n"));
        assertEquals(":4: column 'value' (2): '12x' is not a number", error("time,value\n1,2\n\n2,12x\n"));
        assertEquals(":3: column 'temp' (3): 'warm' is not a number",
                error("time,value,temp\n1,2,3\n2,3,warm\n", ColumnChoice.defaults().withCovariates(List.of("temp"))));
        assertEquals(":3: expected 2 fields (time, value), found 3", error("time,value\n1,2\n2,3,4\n"));
        assertEquals(":2:3: quoted field 2 is not closed before the end of the file", error("time,value\n1,\"2\n"));
    }

    @Test
    void headerAndOrderProblems() throws IOException {
        assertEquals(":1: header: column 2 has no name", error("time,,value\n1,2,3\n"));
        assertEquals(":1: header: column name 'value' appears twice (columns 2 and 3)", error("time,value,value\n1,2,3\n"));
        assertEquals(": empty file: expected a header row with column names", error("\n\n"));
        assertEquals(": no data rows after the header", error("time,value\n"));
        assertTrue(error("value\n1\n").contains("need a time column and at least one value column, found only 'value'"));
        assertEquals(":3: column 'time' (1): '1949-01' does not come after '1949-02' on line 2; rows must be in increasing time order",
                error("time,value\n1949-02,1\n1949-01,2\n"));
        assertEquals(":3: column 'time' (1): '1949-13' is not a time like '1949-01' on line 2",
                error("time,value\n1949-01,1\n1949-13,2\n"));
    }

    @Test
    void missingFileIsNamed() {
        Path f = dir.resolve("absent.csv");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> SeriesCsv.read(f));
        assertTrue(e.getMessage().contains(f.toString()));
    }

    @Test
    void timeAxisExtendsTheLastSpacing() {
        assertEquals(List.of("2021-01", "2021-04"), new TimeAxis(TimeAxis.Kind.YEAR_MONTH, List.of("2020-07", "2020-10")).extend(2));
        assertEquals(List.of("2020-01-15", "2020-01-22"),
                new TimeAxis(TimeAxis.Kind.DATE, List.of("2020-01-01", "2020-01-08")).extend(2));
        assertEquals(List.of("2020-03-31", "2020-04-30"),
                new TimeAxis(TimeAxis.Kind.DATE, List.of("2020-01-31", "2020-02-29")).extend(2));
        assertEquals(List.of("2020-01-01 02:00:00"),
                new TimeAxis(TimeAxis.Kind.DATE_TIME, List.of("2020-01-01 00:00:00", "2020-01-01 01:00:00")).extend(1));
        assertEquals(List.of("1962", "1964"), new TimeAxis(TimeAxis.Kind.NUMBER, List.of("1958", "1960")).extend(2));
        assertEquals(List.of("2.5", "3.0"), new TimeAxis(TimeAxis.Kind.NUMBER, List.of("1.5", "2.0")).extend(2));
        assertEquals(List.of("+1", "+2"), new TimeAxis(TimeAxis.Kind.LABEL, List.of("Q1", "Q2")).extend(2));
        assertEquals(TimeAxis.Kind.LABEL, TimeAxis.detect("Q1 1990"));
        assertEquals(12, new TimeAxis(TimeAxis.Kind.YEAR_MONTH, List.of("2020-07", "2020-08")).naturalSeason());
        assertEquals(4, new TimeAxis(TimeAxis.Kind.YEAR_MONTH, List.of("2020-07", "2020-10")).naturalSeason());
        assertEquals(7, new TimeAxis(TimeAxis.Kind.DATE, List.of("2020-01-01", "2020-01-02")).naturalSeason());
        assertEquals(12, new TimeAxis(TimeAxis.Kind.DATE, List.of("2020-01-31", "2020-02-29")).naturalSeason());
        assertEquals(24, new TimeAxis(TimeAxis.Kind.DATE_TIME, List.of("2020-01-01 00:00", "2020-01-01 01:00")).naturalSeason());
        assertEquals(1, new TimeAxis(TimeAxis.Kind.NUMBER, List.of("1", "2")).naturalSeason());
        assertEquals(TimeAxis.Kind.DATE_TIME, TimeAxis.detect("2020-01-01T10:00"));
    }
}
