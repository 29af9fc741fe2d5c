package org.rnn4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.rnn4j.cli.ui.ProgressBars;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the common options, the output streams, JSON printing, logging to
 * stderr that respects {@code --quiet} / {@code --verbose}, and progress bars.
 */
public abstract class BaseCommand implements Callable<Integer> {
    /** Pretty JSON; NaN and infinities are written as JSON null by the commands that produce them. */
    protected static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Mixin
    protected CommonOptions common;

    @Spec
    protected CommandSpec spec;

    /** Does the work; returns the exit code (0). Throw for failures; the handler prints them. */
    protected abstract int execute() throws Exception;

    @Override
    @SuppressWarnings("try") // the thread setting is a scope, never referenced
    public final Integer call() throws Exception {
        int code;
        try (KernelThreads t = KernelThreads.apply(spec.commandLine(), common.threads())) { // --threads, for every command
            code = execute();
        }
        out().flush();
        err().flush();
        return code;
    }

    protected CliContext context() {
        Object root = spec.root().userObject();
        return root instanceof Rnn4jCommand r ? r.context() : CliContext.of(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A progress message on stderr, unless {@code --quiet}. */
    protected void info(String message) {
        if (!common.quiet()) {
            err().println(message);
        }
    }

    /** A detail on stderr, only with {@code --verbose}. */
    protected void debug(String message) {
        if (common.verbose()) {
            err().println(message);
        }
    }

    /** Progress bars on the terminal, or no-ops when quiet, piped or in tests. */
    protected ProgressBars progress() {
        return new ProgressBars(common.quiet() ? java.util.Optional.empty() : context().terminal());
    }

    /** Prints {@code value} as JSON on stdout. */
    protected void printJson(Object value) throws Exception {
        out().println(JSON.writeValueAsString(value));
    }

    protected CommandLine commandLine() {
        return spec.commandLine();
    }
}
