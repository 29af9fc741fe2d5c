package org.rnn4j.bench;

import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.LSTM;
import org.rnn4j.nn.recurrent.RecurrentOutput;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.nn.recurrent.RecurrentOptions;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;

/**
 * The W5 character language model, named like the PyTorch script's {@code CharLM}:
 * {@code Embedding(96→64) → LSTM(64→512, 1 layer, batch_first) → Linear(512→96)} on every step.
 */
final class CharLm extends Module {
    static final int VOCAB = 96;
    static final int EMBED = 64;
    static final int HIDDEN = 512;
    static final long MODEL_SEED = 5;

    /** Logits [B, T, 96] and the final (h, c). */
    record Output(Var logits, RecurrentState state) {
    }

    final Embedding emb;
    final LSTM lstm;
    final Linear fc;

    CharLm(Rng rng) {
        emb = registerModule("emb", new Embedding(VOCAB, EMBED, rng));
        lstm = registerModule("lstm", new LSTM(EMBED, HIDDEN, RecurrentOptions.DEFAULTS.withBatchFirst(true), rng));
        fc = registerModule("fc", new Linear(HIDDEN, VOCAB, rng));
    }

    /** ids [B, T] from {@code state} ({@code null} = zeros). */
    Output forward(IntTensor ids, RecurrentState state) {
        RecurrentOutput<Var> r = lstm.forward(emb.forward(ids), state); // out [B, T, 512]
        return new Output(fc.forward(r.out()), r.state());
    }

    /** Multiply-adds per token: one LSTM step and the head. */
    long macsPerToken() {
        return Flops.recurrentMacsPerStep(lstm) + Flops.linearMacs(fc);
    }
}
