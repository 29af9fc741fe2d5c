package org.rnn4j.cli.ui;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Terminal progress bars with elapsed time, ETA and a status text, drawn on stderr. Without a
 * terminal (piped, {@code --quiet}, tests) every bar is a no-op, so the library and the commands
 * never have to ask.
 */
public final class ProgressBars {
    private static final int WIDTH = 100;
    private final Optional<PrintStream> terminal;

    /** @param terminal the stream to draw on, or empty to draw nothing */
    public ProgressBars(Optional<PrintStream> terminal) {
        this.terminal = terminal;
    }

    public boolean enabled() {
        return terminal.isPresent();
    }

    /** Starts a bar for {@code total} steps. */
    public Progress start(String task, long total) {
        if (terminal.isEmpty()) {
            return Progress.none();
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setConsumer(new ConsoleProgressBarConsumer(terminal.get(), WIDTH))
                .build();
        return new Progress() {
            @Override
            public void stepTo(long done) {
                bar.stepTo(done);
            }

            @Override
            public void status(String text) {
                bar.setExtraMessage(text);
            }

            @Override
            public void close() {
                bar.close();
            }
        };
    }
}
