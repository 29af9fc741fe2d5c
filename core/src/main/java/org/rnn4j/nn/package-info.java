/**
 * Building blocks with PyTorch's names, shapes and initialisation: {@link org.rnn4j.nn.Module},
 * {@link org.rnn4j.nn.Parameter}, {@link org.rnn4j.nn.Linear}, {@link org.rnn4j.nn.Embedding},
 * {@link org.rnn4j.nn.Dropout} and the {@code torch.nn.init} initialisers in
 * {@link org.rnn4j.nn.Init}. The recurrent layers are in {@link org.rnn4j.nn.recurrent}.
 *
 * <h2>Why {@code Module} keeps its name</h2>
 * {@code Module} is {@code torch.nn.Module}: the same role, the same state-dict names, and the name
 * every PyTorch user looks for; renaming it ({@code NnModule}, {@code Layer}) would make every
 * translation from PyTorch code one step longer. Its only cost is on a wildcard import:
 * {@code java.lang.Module} is imported implicitly, so after {@code import org.rnn4j.nn.*;} the simple
 * name {@code Module} is ambiguous and does not compile. Either import it explicitly (a
 * single-type import wins over both {@code java.lang} and a wildcard) or keep the wildcard and add
 * that one line beside it:
 *
 * <pre>{@code
 * import org.rnn4j.nn.*;
 * import org.rnn4j.nn.Module;   // beats java.lang.Module
 * }</pre>
 *
 * Code that does not name {@code Module} itself (most code: it uses {@code LSTM}, {@code Linear},
 * ...) is not affected.
 */
package org.rnn4j.nn;
