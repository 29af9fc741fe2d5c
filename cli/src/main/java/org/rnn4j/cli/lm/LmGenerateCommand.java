package org.rnn4j.cli.lm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnn4j.cli.BaseCommand;
import org.rnn4j.cli.Seeded;
import org.rnn4j.cli.VersionProvider;
import org.rnn4j.lm.Generator;
import org.rnn4j.lm.LmFiles;
import org.rnn4j.lm.Sampling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rnn4j lm generate --model DIR [--prompt S] [--length N] [--temperature T] [--top-k K] [--top-p P] [--seed S]}. */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Write text with a language model, streamed to stdout as it is produced: the prompt is primed through "
                + "the model, then one character at a time is drawn from the cached state.",
                "The same --seed gives the same text."})
public final class LmGenerateCommand extends BaseCommand implements Seeded {
    private static final Sampling D = Sampling.defaults();

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model folder written by 'lm train'.")
    Path model;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "Text to start from (printed first; default: none).")
    String prompt = "";

    @Option(names = "--length", paramLabel = "N", description = "Characters to write (default: ${DEFAULT-VALUE}).")
    long length = 500;

    @Option(names = "--temperature", paramLabel = "T", description = "Logits divided by T; 0 = always the most likely "
            + "(default: ${DEFAULT-VALUE}).")
    double temperature = D.temperature();

    @Option(names = "--top-k", paramLabel = "K", description = "Draw among the K most likely only; 0 = all (default: ${DEFAULT-VALUE}).")
    int topK = D.topK();

    @Option(names = "--top-p", paramLabel = "P", description = "Draw among the most likely holding P of the mass (default: ${DEFAULT-VALUE}).")
    double topP = D.topP();

    @Option(names = "--stop", paramLabel = "TEXT", description = "Stop right after writing TEXT (repeatable).")
    List<String> stops = new ArrayList<>();

    @Override
    protected int execute() throws Exception {
        LmFiles.Loaded m = LmFiles.load(model);
        Generator g = new Generator(m.model(), m.vocabulary(), prompt, new Sampling(temperature, topK, topP), common.seed(), length,
                stops);
        if (g.unknownInPrompt() > 0) {
            info(g.unknownInPrompt() + " character(s) of the prompt are not in the model's vocabulary and were skipped");
        }
        StringBuilder sb = new StringBuilder(prompt);
        int pending = 0;
        while (g.hasNext()) {
            sb.appendCodePoint(g.next());
            if (++pending == 64 || sb.charAt(sb.length() - 1) == '\n') {
                out().print(sb);
                out().flush();
                sb.setLength(0);
                pending = 0;
            }
        }
        out().println(sb);
        return 0;
    }
}
