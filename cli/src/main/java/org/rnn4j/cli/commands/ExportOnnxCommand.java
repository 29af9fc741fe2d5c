package org.rnn4j.cli.commands;

import java.nio.file.Path;
import org.rnn4j.cli.BaseCommand;
import org.rnn4j.cli.VersionProvider;
import org.rnn4j.onnx.OnnxExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rnn4j export onnx --model DIR --out FILE.onnx}. */
@Command(name = "onnx", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write a sequence classifier or forecaster folder as one ONNX file (opset 17, dynamic batch and length).",
            "Classifier: inputs 'tokens' int64 [batch, steps] (or one-hot 'features' float [batch, steps, width]) and 'lengths' "
                    + "int32 [batch]; outputs 'probabilities' [batch, classes] (the ensemble's mean) and, for one network, 'logits'.",
            "Forecaster: the network ensemble; input 'window' float [batch, window, features] in the model's transformed units, "
                    + "output 'forecast' [batch, horizon] in those units."})
public final class ExportOnnxCommand extends BaseCommand {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model folder written by 'classify train' or 'forecast train'.")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The .onnx file to write (atomically).")
    Path out;

    @Override
    protected int execute() throws Exception {
        OnnxExport.exportModelDirectory(model, out);
        info("wrote " + out + " (ONNX opset " + OnnxExport.opset() + ")");
        return 0;
    }
}
