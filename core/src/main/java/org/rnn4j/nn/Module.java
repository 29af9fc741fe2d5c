package org.rnn4j.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnn4j.tensor.Tensor;

/**
 * A building block with named parameters and sub-modules, in registration order, like
 * {@code torch.nn.Module}. Names are PyTorch's dotted state_dict names ({@code rnn.weight_ih_l0}).
 * Training mode is explicit: {@link #train()} / {@link #eval()} (new modules start in training mode).
 * {@link #toString()} is PyTorch's {@code repr(module)}; {@link #summary()} adds the parameter counts.
 *
 * <p>The name is PyTorch's on purpose: it is what a PyTorch user looks for, and code translated from
 * PyTorch keeps its words. It shares its simple name with {@code java.lang.Module}, which every file
 * imports implicitly, so with {@code import org.rnn4j.nn.*;} alone the name {@code Module} is
 * ambiguous. Import it by name, alone or beside the wildcard; a single-type import wins:
 *
 * <pre>{@code
 * import org.rnn4j.nn.*;
 * import org.rnn4j.nn.Module;
 * }</pre>
 */
public abstract class Module {
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** For subclasses: a module with no parameters or children yet, in training mode. */
    protected Module() {
    }

    /** Registers a parameter under {@code name} (no dots) and returns it. */
    protected final Parameter registerParameter(String name, Parameter p) {
        checkName(name);
        parameters.put(name, p);
        return p;
    }

    /** Registers a sub-module under {@code name} (no dots) and returns it. */
    protected final <M extends Module> M registerModule(String name, M m) {
        checkName(name);
        children.put(name, m);
        return m;
    }

    private void checkName(String name) {
        if (name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException("module: invalid name '" + name + "'");
        }
        if (parameters.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException("module: name '" + name + "' is already registered");
        }
    }

    /** All parameters with dotted names, own parameters first, then children's, in registration order. */
    public final Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect("", out);
        return Collections.unmodifiableMap(out);
    }

    private void collect(String prefix, Map<String, Parameter> out) {
        parameters.forEach((n, p) -> out.put(prefix + n, p));
        children.forEach((n, m) -> m.collect(prefix + n + ".", out));
    }

    /** All parameters in the order of {@link #namedParameters()}, for an optimizer. */
    public final List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Direct sub-modules by name. */
    public final Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    /** Total number of scalar parameters. */
    public final long numParameters() {
        long n = 0;
        for (Parameter p : namedParameters().values()) {
            n += p.value().size();
        }
        return n;
    }

    /** Whether the module is in training mode (dropout active). */
    public final boolean isTraining() {
        return training;
    }

    /** Sets training mode here and in every sub-module. */
    public final Module train(boolean on) {
        training = on;
        children.values().forEach(c -> c.train(on));
        return this;
    }

    /** Training mode here and in every sub-module, like {@code module.train()}. */
    public final Module train() {
        return train(true);
    }

    /** Evaluation mode here and in every sub-module, like {@code module.eval()}. */
    public final Module eval() {
        return train(false);
    }

    /** Zeroes every parameter gradient. */
    public final void zeroGrad() {
        namedParameters().values().forEach(Parameter::zeroGrad);
    }

    /** Copies of the parameter values by dotted name, in state_dict order. */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        namedParameters().forEach((n, p) -> out.put(n, p.value().copy()));
        return out;
    }

    /**
     * Copies values into the parameters. Strict: every parameter must be present with its shape and
     * no unknown name may appear, as PyTorch's {@code load_state_dict(strict=True)}.
     */
    public final void loadStateDict(Map<String, Tensor> state) {
        Map<String, Parameter> own = namedParameters();
        List<String> missing = new ArrayList<>();
        for (String n : own.keySet()) {
            if (!state.containsKey(n)) {
                missing.add(n);
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String n : state.keySet()) {
            if (!own.containsKey(n)) {
                unexpected.add(n);
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new IllegalArgumentException("load_state_dict: missing keys " + missing + ", unexpected keys " + unexpected);
        }
        own.forEach((n, p) -> {
            Tensor src = state.get(n);
            if (!src.shape().equals(p.value().shape())) {
                throw new IllegalArgumentException("load_state_dict: " + n + " has shape " + src.shape()
                        + " in the checkpoint, the model expects " + p.value().shape());
            }
        });
        own.forEach((n, p) -> p.value().copyFrom(state.get(n)));
    }

    /**
     * PyTorch's {@code extra_repr()}: what goes between the parentheses of a module without children, e.g.
     * {@code in_features=4, out_features=2, bias=True}. Empty by default.
     */
    protected String extraRepr() {
        return "";
    }

    /**
     * PyTorch's {@code repr(module)}: {@code Linear(in_features=4, out_features=2, bias=True)} for a leaf, and for a
     * module with children one {@code (name): Child(...)} line per child, indented by two spaces per level.
     */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        String extra = extraRepr();
        if (!extra.isEmpty()) {
            lines.addAll(List.of(extra.split("\n", -1)));
        }
        int extraLines = lines.size();
        children.forEach((n, m) -> lines.add("(" + n + "): " + m.toString().replace("\n", "\n  ")));
        StringBuilder s = new StringBuilder(getClass().getSimpleName()).append('(');
        if (extraLines == 1 && children.isEmpty()) {
            s.append(lines.get(0));
        } else if (!lines.isEmpty()) {
            s.append("\n  ").append(String.join("\n  ", lines)).append('\n');
        }
        return s.append(')').toString();
    }

    /**
     * {@link #toString()} followed by the parameter counts (PyTorch has no built-in summary; the lines are those of
     * the common {@code torchinfo} one): {@code Total params: 1,234}, {@code Trainable params: …}, {@code Non-trainable
     * params: …}.
     */
    public final String summary() {
        long trainable = 0;
        for (Parameter p : namedParameters().values()) {
            if (p.trainable()) {
                trainable += p.value().size();
            }
        }
        long total = numParameters();
        return toString() + "\n" + String.format(Locale.ROOT, "Total params: %,d%nTrainable params: %,d%nNon-trainable params: %,d",
                total, trainable, total - trainable).replace(System.lineSeparator(), "\n");
    }

    /** A double as Python's {@code repr(float)} writes it ({@code 0.5}, {@code 0.0}, {@code 1e-05}), for {@link #extraRepr}. */
    protected static String pyFloat(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0.0" : "0.0";
        }
        java.math.BigDecimal d = new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - d.scale(); // v = ±d.ddd × 10^exp
        String sign = v < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
        }
        String plain = d.abs().toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }
}
