package org.rnn4j.lm;

import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Dropout;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.RecurrentLayer;
import org.rnn4j.nn.recurrent.RecurrentOptions;
import org.rnn4j.nn.recurrent.RecurrentOutput;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;

/**
 * A character language model with PyTorch's names ({@code emb.weight}, {@code rnn.weight_ih_l0}, …,
 * {@code fc.weight}, {@code fc.bias}); {@code examples/pytorch/lm_bpc.py} rebuilds it with
 * {@code torch.nn.Embedding}, {@code torch.nn.LSTM/GRU/RNN(batch_first=True)} and {@code torch.nn.Linear}.
 */
public final class CharLanguageModel extends Module {
    private final LmArchitecture architecture;
    private final Embedding emb;
    private final Dropout inputDropout;
    private final RecurrentLayer rnn;
    private final Dropout outputDropout;
    private final Linear fc;

    /** The logits of every step [B, T, V] and the state after the last step. */
    public record Output(Var logits, RecurrentState state) {
    }

    public CharLanguageModel(LmArchitecture a, Rng rng) {
        this.architecture = a;
        emb = registerModule("emb", new Embedding(a.vocabSize(), a.embeddingDim(), rng));
        inputDropout = registerModule("drop_in", new Dropout(a.dropout(), rng.split()));
        RecurrentOptions o = RecurrentOptions.DEFAULTS.withBatchFirst(true).withNumLayers(a.numLayers())
                .withDropout(a.numLayers() > 1 ? a.dropout() : 0);
        rnn = registerModule("rnn", RecurrentLayer.create(a.cell(), a.embeddingDim(), a.hiddenSize(), o, rng));
        outputDropout = registerModule("drop_out", new Dropout(a.dropout(), rng.split()));
        fc = registerModule("fc", new Linear(a.hiddenSize(), a.vocabSize(), rng));
    }

    public LmArchitecture architecture() {
        return architecture;
    }

    /** ids [B, T] from {@code state} ({@code null} = zeros): logits [B, T, V] and the final state. */
    public Output forward(IntTensor ids, RecurrentState state) {
        Var x = inputDropout.forward(emb.forward(ids));             // [B, T, E]
        RecurrentOutput<Var> r = rnn.forward(x, state);              // out [B, T, H]
        return new Output(fc.forward(outputDropout.forward(r.out())), r.state()); // [B, T, V]
    }
}
