package org.rnn4j.cli.lm;

import java.nio.file.Path;
import java.util.Locale;
import org.rnn4j.cli.BaseCommand;
import org.rnn4j.cli.VersionProvider;
import org.rnn4j.data.text.CharVocabulary;
import org.rnn4j.lm.Bpc;
import org.rnn4j.lm.LmFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rnn4j lm eval --model DIR --text FILE [--json]}. */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Bits per character and perplexity of a language model over a whole UTF-8 text, the state carried "
                + "through it from the first character (which is context only).",
                "Characters outside the model's vocabulary are skipped and counted in the output."})
public final class LmEvalCommand extends BaseCommand {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model folder written by 'lm train'.")
    Path model;

    @Option(names = "--text", required = true, paramLabel = "FILE", description = "The UTF-8 text to score.")
    Path text;

    /** JSON result. */
    @com.fasterxml.jackson.databind.annotation.JsonNaming(com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Result(double bpc, double perplexity, long characters, long predicted, long unknown, String unknownChars, String text) {
    }

    @Override
    protected int execute() throws Exception {
        LmFiles.Loaded m = LmFiles.load(model);
        CharVocabulary.Encoded e = m.vocabulary().encode(TextFiles.read(text));
        if (e.ids().length < 2) {
            throw new IllegalArgumentException(text + ": needs at least 2 characters the model knows, found " + e.ids().length);
        }
        Bpc.Score s = Bpc.of(m.model(), e.ids(), 512);
        if (common.json()) {
            printJson(new Result(s.bpc(), s.perplexity(), e.characters(), s.predicted(), e.unknown(), e.unknownChars(), text.toString()));
        } else {
            out().printf(Locale.ROOT, "%s: %.4f bits per character, perplexity %.3f over %d characters (%d unknown%s)%n", text, s.bpc(),
                    s.perplexity(), s.predicted(), e.unknown(), e.unknown() == 0 ? "" : ", skipped: " + e.unknownChars());
        }
        return 0;
    }
}
