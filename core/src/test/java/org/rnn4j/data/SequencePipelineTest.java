package org.rnn4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.batch.Batch;
import org.rnn4j.data.batch.BatchInput;
import org.rnn4j.data.batch.BatchOptions;
import org.rnn4j.data.batch.Batches;
import org.rnn4j.data.batch.Sample;
import org.rnn4j.data.dna.AmbiguityPolicy;
import org.rnn4j.data.encode.Chars;
import org.rnn4j.data.encode.DnaOneHot;
import org.rnn4j.data.encode.Encoder;
import org.rnn4j.data.encode.EncoderFitter;
import org.rnn4j.data.encode.EncoderSpec;
import org.rnn4j.data.seq.DelimitedOptions;
import org.rnn4j.data.seq.DelimitedReader;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.seq.FastaLabels;
import org.rnn4j.data.seq.FastaReader;
import org.rnn4j.data.seq.LabelSet;
import org.rnn4j.data.seq.PassageReader;
import org.rnn4j.data.seq.PassageSplit;
import org.rnn4j.data.text.TextCase;
import org.rnn4j.data.text.VocabularyOptions;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;

/** Reader → encoder → labels → batches, as a sequence classifier will use them. */
class SequencePipelineTest {
    @TempDir
    Path dir;

    private static List<Example> all(Stream<Example> s) {
        try (s) {
            return s.toList();
        }
    }

    @Test
    void tsvAndFastaOfTheSameDataGiveTheSameSamples() throws IOException {
        Path tsv = dir.resolve("train.tsv");
        Files.writeString(tsv, "id\tlabel\tsequence\n1\tn\tCTAGGCTC\n5\tie\tCTCCNCAC\n7\tei\tGAGGAG\n");
        Path fa = dir.resolve("train.fa");
        Files.writeString(fa, ">1 label=n\nCTAG\nGCTC\n>5 label=ie\nctccncac\n>7 label=ei\nGAG\nGAG\n");
        List<Example> fromTsv = all(DelimitedReader.read(tsv, DelimitedOptions.DEFAULTS));
        List<Example> fromFasta = all(FastaReader.read(fa, FastaLabels.DEFAULT));

        Encoder enc = EncoderFitter.fit(EncoderSpec.DEFAULT, fromTsv.stream());
        assertEquals(new DnaOneHot(AmbiguityPolicy.ZERO), enc);
        LabelSet.Builder b = new LabelSet.Builder();
        fromTsv.forEach(b::add);
        LabelSet labels = b.build();
        List<Sample> a = Batches.encode(fromTsv.stream(), enc, labels, 1000);
        List<Sample> f = Batches.encode(fromFasta.stream(), enc, labels, 1000);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).tokens(), f.get(i).tokens());
            assertEquals(a.get(i).label(), f.get(i).label());
            assertEquals(a.get(i).id(), f.get(i).id());
        }
        Iterator<Batch> epoch = Batches.epoch(a, enc, BatchOptions.inference(2), new Rng(0));
        Batch first = epoch.next();
        assertEquals(Shape.of(2, 8, 4), assertInstanceOf(BatchInput.OneHot.class, first.input()).x().shape());
        assertArrayEquals(new int[] {8, 8}, first.lengths());
        assertArrayEquals(new int[] {2, 1}, first.labels().data()); // n, ie in sorted label order ei, ie, n
        assertArrayEquals(new int[] {6}, epoch.next().lengths());

        // strict policy: the N names its file, line and position
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> Batches.encode(fromFasta.stream(), new DnaOneHot(AmbiguityPolicy.ERROR), labels, 1000));
        assertEquals(fa + ":4", e.location().toString());
        assertEquals("ambiguous base 'n' at position 5 (policy ERROR accepts only A, C, G, T; use policy ZERO to encode it as zeros)",
                e.problem());
    }

    @Test
    void wordListsPerLanguageBecomeCharacterTokensAndTheEncoderIsStorable() throws Exception {
        Path en = dir.resolve("english");
        Files.writeString(en, "house\nwater\nlight\n");
        Path de = dir.resolve("german");
        Files.writeString(de, "Haus\nWasser\nLicht\nStraße\n");
        List<Example> examples = Stream.concat(all(PassageReader.read(en, PassageSplit.lines(), "en")).stream(),
                all(PassageReader.read(de, PassageSplit.lines(), "de")).stream()).toList();
        EncoderSpec spec = new EncoderSpec.Auto(AmbiguityPolicy.ZERO, TextCase.KEEP, TextCase.LOWER, new VocabularyOptions(1, 1000));
        Chars enc = assertInstanceOf(Chars.class, EncoderFitter.fit(spec, examples.stream()));
        LabelSet labels = LabelSet.of(List.of("en", "de"));
        List<Sample> samples = Batches.encode(examples.stream(), enc, labels, 1000);
        assertEquals("german#4", samples.get(6).id());
        assertEquals(0, samples.get(6).label()); // de < en
        assertEquals("Straße", enc.decode(samples.get(6).tokens()));
        ObjectMapper json = new ObjectMapper();
        Encoder back = json.readValue(json.writeValueAsString(enc), Encoder.class);
        assertArrayEquals(enc.encode("Wasserhaus"), back.encode("Wasserhaus"));
        assertEquals(labels, json.readValue(json.writeValueAsString(labels), LabelSet.class));
    }
}
