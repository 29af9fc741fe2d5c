package org.rnn4j.cli.lm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnn4j.cli.BaseCommand;
import org.rnn4j.cli.CellKindOption;
import org.rnn4j.cli.Seeded;
import org.rnn4j.cli.VersionProvider;
import org.rnn4j.cli.ui.Progress;
import org.rnn4j.data.text.CharVocabulary;
import org.rnn4j.lm.CharLanguageModel;
import org.rnn4j.lm.LmFiles;
import org.rnn4j.lm.LmSettings;
import org.rnn4j.lm.LmTrainer;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.rand.Rng;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rnn4j lm train --text FILE --out DIR [--max-minutes M]}. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Train a character language model on UTF-8 text with truncated backpropagation through time and write "
                + "a model folder (model.safetensors + config.json with the vocabulary).",
                "The last --validation share of the text (by position) is held out; validation bits per character are "
                + "measured every --eval-every steps and the best model is kept; training stops at --steps or --max-minutes."})
public final class LmTrainCommand extends BaseCommand implements Seeded {
    private static final LmSettings D = LmSettings.defaults();

    @Option(names = "--text", required = true, paramLabel = "FILE", description = "UTF-8 training text (repeat for several files, "
            + "concatenated in order; validation is the end of the last).")
    List<Path> text = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The model folder to write.")
    Path out;

    @Option(names = "--max-minutes", paramLabel = "M", description = "Time budget; stops cleanly and keeps the best validation "
            + "model (default: " + "15 unless --steps is given).")
    Double maxMinutes;

    @Option(names = "--steps", paramLabel = "N", description = "Step budget (default: none, only the time budget).")
    long steps;

    @Option(names = "--cell", paramLabel = "KIND", converter = CellKindOption.class, completionCandidates = CellKindOption.Ids.class,
            description = "Recurrent cell: ${COMPLETION-CANDIDATES} (default: lstm).")
    CellKind cell = D.cell();

    @Option(names = "--hidden", paramLabel = "H", description = "Hidden size (default: ${DEFAULT-VALUE}).")
    int hidden = D.hiddenSize();

    @Option(names = "--layers", paramLabel = "N", description = "Recurrent layers (default: ${DEFAULT-VALUE}).")
    int layers = D.numLayers();

    @Option(names = "--embedding", paramLabel = "E", description = "Embedding width (default: ${DEFAULT-VALUE}).")
    int embedding = D.embeddingDim();

    @Option(names = "--dropout", paramLabel = "P", description = "Dropout on embedding, between layers and before the head "
            + "(default: ${DEFAULT-VALUE}).")
    double dropout = D.dropout();

    @Option(names = "--batch", paramLabel = "B", description = "Parallel streams (default: ${DEFAULT-VALUE}).")
    int batch = D.batch();

    @Option(names = "--seq", paramLabel = "T", description = "Steps per truncated-BPTT window (default: ${DEFAULT-VALUE}).")
    int seq = D.seqLen();

    @Option(names = "--lr", paramLabel = "LR", description = "Peak learning rate of AdamW (default: ${DEFAULT-VALUE}).")
    double lr = D.lr();

    @Option(names = "--weight-decay", paramLabel = "W", description = "AdamW weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay = D.weightDecay();

    @Option(names = "--warmup", paramLabel = "N", description = "Linear warm-up steps before the cosine (default: ${DEFAULT-VALUE}).")
    int warmup = D.warmupSteps();

    @Option(names = "--clip", paramLabel = "NORM", description = "Gradient norm clipping, 0 = none (default: ${DEFAULT-VALUE}).")
    double clip = D.clip();

    @Option(names = "--eval-every", paramLabel = "N", description = "Validate every N steps (default: ${DEFAULT-VALUE}).")
    int evalEvery = D.evalEvery();

    @Option(names = "--validation", paramLabel = "FRACTION", description = "The last share of the text held out (default: ${DEFAULT-VALUE}).")
    double validationFraction = D.validationFraction();

    /** JSON result. */
    @com.fasterxml.jackson.databind.annotation.JsonNaming(com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Summary(String model, int vocabulary, long trainCharacters, long validationCharacters, long steps, long bestStep,
                   double validationBpc, double seconds) {
    }

    @Override
    protected int execute() throws Exception {
        StringBuilder all = new StringBuilder();
        for (Path p : text) {
            all.append(TextFiles.read(p));
        }
        double minutes = maxMinutes != null ? maxMinutes : steps > 0 ? 0 : D.maxMinutes();
        LmSettings s = new LmSettings(cell, embedding, hidden, layers, dropout, batch, seq, lr, weightDecay, warmup,
                D.minLrFraction(), clip, steps, minutes, evalEvery, validationFraction, common.seed());
        CharVocabulary vocabulary = CharVocabulary.of(all);
        CharVocabulary.Split split = CharVocabulary.splitByPosition(vocabulary.encode(all).ids(), s.validationFraction());
        CharLanguageModel model = new CharLanguageModel(s.architecture(vocabulary.size()), new Rng(s.seed()));
        info(String.format(Locale.ROOT, "%s: %d characters, vocabulary %d; %d training, %d validation (the last %.0f %%); %s %d×%d, "
                        + "%d parameters; B %d × T %d; budget %s", text.size() == 1 ? text.get(0) : text, split.train().length
                        + split.validation().length, vocabulary.size(), split.train().length, split.validation().length,
                100 * s.validationFraction(), cell.id(), layers, hidden, model.numParameters(), batch, seq,
                (steps > 0 ? steps + " steps" : "") + (steps > 0 && minutes > 0 ? " or " : "")
                        + (minutes > 0 ? minutes + " minutes" : "")));
        LmTrainer trainer = new LmTrainer(model, s, split.train(), split.validation());
        long start = System.nanoTime();
        try (Progress bar = progress().start("lm train", steps > 0 ? steps : 0)) {
            LmTrainer.Result r = trainer.run(new LmTrainer.Listener() {
                private double smooth = Double.NaN;

                @Override
                public void step(long step, double loss, double rate) {
                    smooth = Double.isNaN(smooth) ? loss : 0.98 * smooth + 0.02 * loss;
                    bar.stepTo(step);
                    bar.status(String.format(Locale.ROOT, "loss %.4f bpc %.3f lr %.2e", smooth, smooth / Math.log(2), rate));
                }

                @Override
                public void validated(long step, double bpc, boolean improved) {
                    info(String.format(Locale.ROOT, "step %d (%.1f min): train bpc %.3f, validation bpc %.4f%s", step,
                            (System.nanoTime() - start) / 6e10, smooth / Math.log(2), bpc, improved ? " (best)" : ""));
                }
            }, () -> (System.nanoTime() - start) / 1_000_000);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("train_text", text.stream().map(Path::toString).toList());
            facts.put("steps", r.steps());
            facts.put("best_step", r.bestStep());
            facts.put("validation_bpc", r.bestBpc());
            facts.put("train_seconds", seconds);
            LmFiles.save(out, model, vocabulary, s, facts);
            if (common.json()) {
                printJson(new Summary(out.toString(), vocabulary.size(), split.train().length, split.validation().length, r.steps(),
                        r.bestStep(), r.bestBpc(), seconds));
            } else {
                out().printf(Locale.ROOT, "%s: %d steps, best validation bpc %.4f at step %d; %.0f s%n", out, r.steps(), r.bestBpc(),
                        r.bestStep(), seconds);
            }
        }
        return 0;
    }
}
