package org.rnn4j.data.seq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.SourceLocation;

class LabelSetTest {

    @Test
    void sortedWhateverTheOrderOfArrival() {
        LabelSet.Builder a = new LabelSet.Builder();
        LabelSet.Builder b = new LabelSet.Builder();
        for (String l : List.of("n", "ie", "ei", "n")) {
            a.add(new Example("x", l, "A"));
        }
        for (String l : List.of("ei", "n", "ie")) {
            b.add(new Example("x", l, "A"));
        }
        assertEquals(List.of("ei", "ie", "n"), a.build().labels());
        assertEquals(a.build(), b.build());
        assertEquals(2, a.build().index(new Example("x", "n", "A")));
        assertEquals("ie", a.build().label(1));
        assertEquals(-1, a.build().indexOf("zz"));
    }

    @Test
    void unknownOrMissingLabelNamesFileAndLine() {
        LabelSet s = LabelSet.of(List.of("ei", "ie", "n"));
        Example bad = new Example("r9", "EI", "ACGT", new SourceLocation("test.tsv", 12));
        InputFormatException e = assertThrows(InputFormatException.class, () -> s.index(bad));
        assertEquals("test.tsv:12: unknown label 'EI' for example 'r9' (known labels: ei, ie, n)", e.getMessage());
        Example none = new Example("r3", null, "ACGT", new SourceLocation("test.fa", 5));
        assertEquals("test.fa:5: example 'r3' has no label", assertThrows(InputFormatException.class, () -> s.index(none)).getMessage());
        assertThrows(InputFormatException.class, () -> new LabelSet.Builder().add(none));
        assertThrows(IllegalArgumentException.class, () -> new LabelSet.Builder().build());
    }

    @Test
    void jsonRoundTrip() throws Exception {
        ObjectMapper json = new ObjectMapper();
        LabelSet s = LabelSet.of(List.of("n", "ei", "ie"));
        String text = json.writeValueAsString(s);
        assertEquals("[\"ei\",\"ie\",\"n\"]", text);
        assertEquals(s, json.readValue(text, LabelSet.class));
        assertThrows(Exception.class, () -> json.readValue("[\"n\",\"ei\"]", LabelSet.class));
    }
}
