package org.rnn4j.io.torch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentLayer;
import org.rnn4j.nn.recurrent.RecurrentOptions;
import org.rnn4j.rand.Rng;

/**
 * A recurrent layer described the way PyTorch constructs it, e.g.
 * {@code LSTM(8, 32, num_layers=2, batch_first=True, proj_size=4)}: the architecture a plain
 * {@code nn.LSTM / nn.GRU / nn.RNN} state_dict belongs to. Accepted keywords are PyTorch's:
 * {@code input_size, hidden_size, num_layers, bias, batch_first, dropout, bidirectional,
 * proj_size} (LSTM) and {@code nonlinearity} ({@code 'tanh'} or {@code 'relu'}, RNN).
 *
 * @param cell        the cell kind ({@code RNN(…, nonlinearity='relu')} is {@link CellKind#RNN_RELU})
 * @param inputSize   I
 * @param hiddenSize  H
 * @param options     the remaining constructor arguments
 */
public record LayerSpec(CellKind cell, int inputSize, int hiddenSize, RecurrentOptions options) {
    private static final Pattern CALL = Pattern.compile("\\s*(RNN|LSTM|GRU)\\s*\\((.*)\\)\\s*", Pattern.DOTALL);

    public LayerSpec {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("layer: input_size and hidden_size must be >= 1, got " + inputSize + " and " + hiddenSize);
        }
        if (options.projSize() > 0 && cell != CellKind.LSTM) {
            throw new IllegalArgumentException("layer: proj_size is an LSTM argument, not " + cell.moduleName() + "'s");
        }
        if (options.projSize() >= hiddenSize) {
            throw new IllegalArgumentException("layer: proj_size has to be smaller than hidden_size, got " + options.projSize());
        }
    }

    /** Parses PyTorch's constructor call, e.g. {@code GRU(3, 4, bidirectional=True)}. */
    public static LayerSpec parse(String call) {
        Matcher m = CALL.matcher(call);
        if (!m.matches()) {
            throw new IllegalArgumentException("layer: expected a PyTorch constructor call such as "
                    + "LSTM(8, 32, num_layers=2, batch_first=True), got '" + call + "'");
        }
        String kind = m.group(1);
        List<String> positional = new ArrayList<>();
        Map<String, String> named = new LinkedHashMap<>();
        for (String part : m.group(2).split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                if (!named.isEmpty()) {
                    throw new IllegalArgumentException("layer: positional argument '" + p + "' after keyword arguments");
                }
                positional.add(p);
            } else if (named.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim()) != null) {
                throw new IllegalArgumentException("layer: argument " + p.substring(0, eq).trim() + " given twice");
            }
        }
        if (positional.size() > 2) {
            throw new IllegalArgumentException("layer: at most input_size and hidden_size may be positional, got " + positional);
        }
        String in = positional.size() > 0 ? positional.get(0) : named.remove("input_size");
        String hidden = positional.size() > 1 ? positional.get(1) : named.remove("hidden_size");
        if (in == null || hidden == null) {
            throw new IllegalArgumentException("layer: needs input_size and hidden_size, e.g. " + kind + "(8, 32)");
        }
        RecurrentOptions o = RecurrentOptions.DEFAULTS;
        CellKind cell = CellKind.parse(kind);
        for (Map.Entry<String, String> e : named.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "num_layers" -> o = o.withNumLayers(integer(e.getKey(), v));
                case "bias" -> o = o.withBias(bool(e.getKey(), v));
                case "batch_first" -> o = o.withBatchFirst(bool(e.getKey(), v));
                case "dropout" -> o = o.withDropout(number(e.getKey(), v));
                case "bidirectional" -> o = o.withBidirectional(bool(e.getKey(), v));
                case "proj_size" -> o = o.withProjSize(integer(e.getKey(), v));
                case "nonlinearity" -> {
                    if (!kind.equals("RNN")) {
                        throw new IllegalArgumentException("layer: nonlinearity is an RNN argument, not " + kind + "'s");
                    }
                    String n = v.replaceAll("^['\"]|['\"]$", "");
                    cell = switch (n) {
                        case "tanh" -> CellKind.RNN_TANH;
                        case "relu" -> CellKind.RNN_RELU;
                        default -> throw new IllegalArgumentException("layer: unknown nonlinearity '" + n + "', expected 'tanh' or 'relu'");
                    };
                }
                default -> throw new IllegalArgumentException("layer: unknown argument '" + e.getKey() + "' of " + kind);
            }
        }
        return new LayerSpec(cell, integer("input_size", in), integer("hidden_size", hidden), o);
    }

    /** A freshly initialised layer of this architecture. */
    public RecurrentLayer create(Rng rng) {
        return RecurrentLayer.create(cell, inputSize, hiddenSize, options, rng);
    }

    /** The constructor call in PyTorch's spelling, with the arguments that differ from the defaults. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(cell.moduleName()).append('(').append(inputSize).append(", ").append(hiddenSize);
        RecurrentOptions d = RecurrentOptions.DEFAULTS;
        if (cell == CellKind.RNN_RELU) {
            s.append(", nonlinearity='relu'");
        }
        if (options.numLayers() != d.numLayers()) {
            s.append(", num_layers=").append(options.numLayers());
        }
        if (!options.bias()) {
            s.append(", bias=False");
        }
        if (options.batchFirst()) {
            s.append(", batch_first=True");
        }
        if (options.dropout() != 0) {
            s.append(", dropout=").append(options.dropout());
        }
        if (options.bidirectional()) {
            s.append(", bidirectional=True");
        }
        if (options.projSize() > 0) {
            s.append(", proj_size=").append(options.projSize());
        }
        return s.append(')').toString();
    }

    private static int integer(String name, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("layer: " + name + " must be an integer, got '" + v + "'");
        }
    }

    private static double number(String name, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("layer: " + name + " must be a number, got '" + v + "'");
        }
    }

    private static boolean bool(String name, String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException("layer: " + name + " must be True or False, got '" + v + "'");
        };
    }
}
