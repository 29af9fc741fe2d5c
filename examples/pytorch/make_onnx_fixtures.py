"""Writes the ONNX fixtures of rnn4j's import tests with PyTorch's own exporter (torch.onnx.export).

Run once (CI never needs Python):  python3 examples/pytorch/make_onnx_fixtures.py
It writes into core/src/test/resources/org/rnn4j/onnx/: for each model NAME, NAME.onnx and
NAME.json (the input and PyTorch's output for it, so the Java test can compare without PyTorch).
"""
import json
import os

import torch
import torch.nn as nn

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "core", "src", "test", "resources", "org", "rnn4j", "onnx")


class LstmClassifier(nn.Module):
    """Embedding → 2-layer bidirectional LSTM → Linear on the last layer's final states (both directions)."""

    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(11, 4)
        self.rnn = nn.LSTM(4, 5, num_layers=2, bidirectional=True, batch_first=True)
        self.head = nn.Linear(10, 3)

    def forward(self, tokens):
        _, (h_n, _) = self.rnn(self.embedding(tokens))
        return self.head(torch.cat([h_n[-2], h_n[-1]], dim=1))


class GruTagger(nn.Module):
    """One-layer GRU → Linear at every step (a MatMul and an Add in PyTorch's export)."""

    def __init__(self):
        super().__init__()
        self.rnn = nn.GRU(3, 6, batch_first=True)
        self.head = nn.Linear(6, 2)

    def forward(self, x):
        y, _ = self.rnn(x)
        return self.head(y)


def export(name, model, x, dynamic):
    model.eval()
    with torch.no_grad():
        y = model(x)
    path = os.path.join(OUT, name + ".onnx")
    torch.onnx.export(model, (x,), path, input_names=["input"], output_names=["output"], opset_version=14,
                      dynamic_axes={"input": dynamic, "output": {0: "batch"}})
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump({"torch": torch.__version__, "input_shape": list(x.shape), "input": x.flatten().tolist(),
                   "output_shape": list(y.shape), "output": y.flatten().tolist()}, f)
    print(path, "written")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(7)
    export("lstm_classifier", LstmClassifier(), torch.randint(1, 11, (2, 5)), {0: "batch", 1: "steps"})
    export("gru_tagger", GruTagger(), torch.randn(2, 4, 3), {0: "batch", 1: "steps"})
