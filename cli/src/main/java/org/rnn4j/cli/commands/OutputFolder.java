package org.rnn4j.cli.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import org.rnn4j.io.ModelDirectory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The {@code --out} folder of a {@code train} command: one that already holds a model is replaced only with {@code --overwrite}. */
final class OutputFolder {
    static final String OPTION = "--overwrite";

    private OutputFolder() {
    }

    /** Fails (usage error, exit 2) before any training if {@code out} holds a model and {@code overwrite} is off. */
    static void check(CommandSpec spec, Path out, boolean overwrite) {
        if (!overwrite && (Files.exists(out.resolve(ModelDirectory.CONFIG)) || Files.exists(out.resolve(ModelDirectory.WEIGHTS)))) {
            throw new ParameterException(spec.commandLine(), out + " already holds a model; pass " + OPTION
                    + " to replace it, or choose another --out");
        }
    }
}
