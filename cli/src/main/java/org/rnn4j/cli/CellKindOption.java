package org.rnn4j.cli;

import java.util.Arrays;
import java.util.Iterator;
import org.rnn4j.nn.recurrent.CellKind;
import picocli.CommandLine.ITypeConverter;

/**
 * A {@code --cell} option's value: {@link CellKind#parse} (so {@code rnn} still means the tanh RNN), with
 * the help's {@code ${COMPLETION-CANDIDATES}} read from {@link CellKind}, so a new cell kind needs no CLI change.
 */
public final class CellKindOption implements ITypeConverter<CellKind> {

    @Override
    public CellKind convert(String value) {
        return CellKind.parse(value);
    }

    /** The ids of every {@link CellKind}: {@code rnn_tanh, rnn_relu, lstm, gru}. */
    public static final class Ids implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(CellKind.values()).map(CellKind::id).iterator();
        }
    }
}
