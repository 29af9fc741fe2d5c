package org.rnn4j.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalInt;
import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Embedding;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;

/** Kind {@code embedding}: nn.Embedding lookup, weight gradient of Σ out·weights_for_out (README §4.6). */
final class EmbeddingCases implements CaseRunner {

    @Override
    public void run(GoldenCase c) {
        JsonNode cfg = c.config();
        JsonNode pad = cfg.get("padding_idx");
        OptionalInt paddingIdx = pad == null || pad.isNull() ? OptionalInt.empty() : OptionalInt.of(pad.asInt());
        Embedding emb = new Embedding(cfg.get("num_embeddings").asInt(), cfg.get("embedding_dim").asInt(),
                paddingIdx, new Rng(0));
        emb.loadStateDict(c.params());
        JsonNode idx = c.section("inputs").get("indices");
        IntTensor indices = IntTensor.fromLongs(Shape.of(GoldenCase.dims(idx)), GoldenCase.longs(idx));
        Var out = emb.forward(indices);
        Compare.close(c, "out", c.tensor("outputs", "out"), out.value(), Tolerance.FORWARD);
        out.backward(c.tensor("loss", "weights_for_out"));
        Compare.close(c, "grad weight", c.tensor("grads", "weight"), emb.weight().grad(), Tolerance.GRAD);
    }
}
