package org.rnn4j.cli.commands;

import java.nio.file.Path;
import org.rnn4j.cli.BaseCommand;
import org.rnn4j.cli.VersionProvider;
import org.rnn4j.onnx.OnnxImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rnn4j import onnx --model FILE.onnx --out DIR}. */
@Command(name = "onnx", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Read an ONNX file with LSTM, GRU (linear_before_reset=1) or RNN nodes, a Gather embedding and a "
                + "Gemm/MatMul head into a model folder under PyTorch's names.",
            "A file written by 'rnn4j export onnx' gives back its classifier or forecaster folder; any other file a folder "
                    + "whose config.json (task onnx_import) names the PyTorch modules the weights load into.",
            "What cannot be mapped is refused, naming the op type and node."})
public final class ImportOnnxCommand extends BaseCommand {
    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The .onnx file to read.")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The model folder to write.")
    Path out;

    @Override
    protected int execute() throws Exception {
        OnnxImport.Summary s = OnnxImport.importFile(model, out);
        info("wrote " + out + ": " + s.description() + " (" + s.parameters() + " parameters)");
        return 0;
    }
}
