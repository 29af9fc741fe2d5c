package org.rnn4j.cli.classify;

import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.rnn4j.data.seq.Column;
import org.rnn4j.data.seq.DelimitedOptions;
import org.rnn4j.data.seq.DelimitedReader;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.seq.FastaLabels;
import org.rnn4j.data.seq.FastaReader;
import picocli.CommandLine.Option;

/**
 * How the classify commands read examples: TSV / CSV with a header (columns found by their usual
 * names or chosen), or FASTA (by extension: .fa, .fasta, .fna, .fas, optionally .gz) with the label
 * in the header or in a labels file.
 */
public final class ExampleSource {
    @Option(names = "--sequence-column", paramLabel = "NAME|N",
            description = "TSV/CSV column of the sequences (default: sequence, seq, text or sentence).")
    String sequenceColumn;

    @Option(names = "--label-column", paramLabel = "NAME|N",
            description = "TSV/CSV column of the labels (default: label, class, category or target).")
    String labelColumn;

    @Option(names = "--id-column", paramLabel = "NAME|N", description = "TSV/CSV column of the ids (default: id or name, else the line number).")
    String idColumn;

    @Option(names = "--fasta-label-key", paramLabel = "KEY", defaultValue = "label",
            description = "FASTA: the label is KEY=VALUE in the header (default: ${DEFAULT-VALUE}).")
    String fastaLabelKey;

    @Option(names = "--labels", paramLabel = "FILE", description = "FASTA: a file of 'id label' lines instead of labels in the headers.")
    Path labelsFile;

    /** The examples of {@code file}; close the stream. */
    public Stream<Example> open(Path file) {
        if (java.nio.file.Files.isDirectory(file)) {
            throw new org.rnn4j.cli.UserException(file + ": is a folder; a file of examples (TSV/CSV or FASTA) is needed here");
        }
        if (isFasta(file)) {
            FastaLabels labels = labelsFile != null ? FastaLabels.file(labelsFile) : FastaLabels.headerKey(fastaLabelKey);
            return FastaReader.read(file, labels);
        }
        DelimitedOptions o = DelimitedOptions.DEFAULTS;
        if (sequenceColumn != null) {
            o = o.withSequence(Column.parse(sequenceColumn));
        }
        if (labelColumn != null) {
            o = o.withLabel(Column.parse(labelColumn));
        }
        if (idColumn != null) {
            o = o.withId(Column.parse(idColumn));
        }
        return DelimitedReader.read(file, o);
    }

    static boolean isFasta(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        return n.endsWith(".fa") || n.endsWith(".fasta") || n.endsWith(".fna") || n.endsWith(".fas");
    }
}
