package org.rnn4j.cli.commands;

import org.rnn4j.cli.VersionProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.cli.BaseCommand;
import org.rnn4j.io.ModelDirectory;
import org.rnn4j.io.SafeTensors;
import org.rnn4j.io.SafeTensorsHeader;
import org.rnn4j.io.TensorInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rnn4j inspect MODEL}: the parameters of a model folder or a safetensors file. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the parameters of a model folder or .safetensors file: names, dtypes, shapes and counts.")
public final class InspectCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model folder (with model.safetensors) or a .safetensors file.")
    Path model;

    /** JSON form of one tensor. */
    record Entry(String name, String dtype, long[] shape, long count) {
    }

    /** JSON form of the whole listing. */
    record Listing(String file, Map<String, String> metadata, List<Entry> tensors, long totalParameters) {
    }

    @Override
    protected int execute() throws Exception {
        Path weights = ModelDirectory.weightsFile(model);
        SafeTensorsHeader header = SafeTensors.readHeader(weights);
        List<Entry> entries = new ArrayList<>();
        for (TensorInfo t : header.tensors()) {
            entries.add(new Entry(t.name(), t.dtype().name(), t.shape(), t.count()));
        }
        if (common.json()) {
            printJson(new Listing(weights.toString(), new LinkedHashMap<>(header.metadata()), entries, header.totalCount()));
            return 0;
        }
        Table table = new Table("name", "dtype", "shape", "count").alignRight(3);
        for (TensorInfo t : header.tensors()) {
            table.row(t.name(), t.dtype().name(), t.shapeString(), String.format("%,d", t.count()));
        }
        table.print(out());
        out().printf("%d tensors, %,d parameters%n", entries.size(), header.totalCount());
        Path config = weights.resolveSibling(ModelDirectory.CONFIG);
        if (Files.isDirectory(model) && Files.isRegularFile(config)) {
            debug("config: " + config);
        }
        return 0;
    }
}
