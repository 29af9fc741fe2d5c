#!/usr/bin/env python3
"""Writes the small torch.save fixtures of rnn4j's PyTorch-checkpoint tests and PyTorch's outputs for them.

Run once with any PyTorch >= 1.6 (the fixtures were made with Debian's python3-torch 1.13):

    python3 examples/pytorch/make_pt_fixtures.py core/src/test/resources/torch

Each fixture is a state_dict saved with torch.save; expected.json records, per file, the module it
belongs to, a fixed input and PyTorch's outputs, so the Java tests can check that rnn4j, after loading
the file, computes the same numbers. CI never runs this script.
"""
import json
import os
import sys

import torch
import torch.nn as nn

out_dir = sys.argv[1] if len(sys.argv) > 1 else "core/src/test/resources/torch"
os.makedirs(out_dir, exist_ok=True)
torch.manual_seed(19)
expected = {"torch_version": torch.__version__, "fixtures": {}}


def flat(t):
    return [float(v) for v in t.detach().double().reshape(-1).tolist()]


def record_layer(file, layer, kind, input_size, hidden_size, state_dict, run_layer=None, T=5, B=2, protocol=2, **options):
    """Saves state_dict as file and records layer(x) for a fixed x of [T, B, I] (or [B, T, I] batch-first)."""
    torch.save(state_dict, os.path.join(out_dir, file), pickle_protocol=protocol)
    batch_first = options.get("batch_first", False)
    x = torch.randn(B, T, input_size) if batch_first else torch.randn(T, B, input_size)
    run = run_layer or layer
    with torch.no_grad():
        out, state = run(x)
    h_n, c_n = state if isinstance(state, tuple) else (state, None)
    entry = {"kind": kind, "input_size": input_size, "hidden_size": hidden_size, "options": options,
             "input_shape": list(x.shape), "input": flat(x),
             "output_shape": list(out.shape), "output": flat(out), "h_n": flat(h_n)}
    if c_n is not None:
        entry["c_n"] = flat(c_n)
    expected["fixtures"][file] = entry


def plain(file, cls, kind, i, h, **options):
    layer = cls(i, h, **options)
    record_layer(file, layer, kind, i, h, layer.state_dict(), **options)


plain("lstm.pt", nn.LSTM, "LSTM", 3, 4)
plain("gru.pt", nn.GRU, "GRU", 3, 4)
plain("rnn.pt", nn.RNN, "RNN", 3, 4)
plain("rnn_relu.pt", nn.RNN, "RNN", 3, 4, nonlinearity="relu")
plain("lstm_bidirectional_2layer.pt", nn.LSTM, "LSTM", 3, 4, num_layers=2, bidirectional=True, batch_first=True)
plain("gru_bidirectional_2layer.pt", nn.GRU, "GRU", 3, 4, num_layers=2, bidirectional=True)
plain("lstm_proj.pt", nn.LSTM, "LSTM", 3, 5, num_layers=2, proj_size=2)
plain("lstm_proj_bidirectional.pt", nn.LSTM, "LSTM", 3, 5, proj_size=3, bidirectional=True, batch_first=True)

# float16 / bfloat16 / float64 storages: PyTorch's outputs are those of the float32 module holding the
# same (rounded) values, so the comparison checks the conversion, not PyTorch's half arithmetic.
for file, dtype in [("lstm_float16.pt", torch.float16), ("gru_bfloat16.pt", torch.bfloat16)]:
    cls, kind = (nn.LSTM, "LSTM") if file.startswith("lstm") else (nn.GRU, "GRU")
    layer = cls(3, 4)
    stored = {k: v.to(dtype) for k, v in layer.state_dict().items()}
    layer.load_state_dict({k: v.float() for k, v in stored.items()})
    record_layer(file, layer, kind, 3, 4, stored)

layer = nn.RNN(3, 4).double()
record_layer("rnn_float64.pt", layer, "RNN", 3, 4, layer.state_dict(), run_layer=lambda x: layer(x.double()))

# a non-contiguous tensor (a transposed view, saved as is) and one at a storage offset
layer = nn.GRU(3, 4)
sd = layer.state_dict()
w = sd["weight_hh_l0"]
sd["weight_hh_l0"] = w.t().contiguous().t()  # same values, stride (1, 12)
assert not sd["weight_hh_l0"].is_contiguous()
sd["bias_ih_l0"] = torch.cat([torch.full((5,), 7.0), sd["bias_ih_l0"]])[5:]  # storage offset 5
record_layer("gru_noncontiguous.pt", layer, "GRU", 3, 4, sd)

# two tensors viewing one storage
layer = nn.LSTM(3, 4)
sd = layer.state_dict()
both = torch.cat([sd["bias_ih_l0"], sd["bias_hh_l0"]])
sd["bias_ih_l0"], sd["bias_hh_l0"] = both[:16], both[16:]
assert sd["bias_ih_l0"].storage().data_ptr() == sd["bias_hh_l0"].storage().data_ptr()
record_layer("lstm_shared_storage.pt", layer, "LSTM", 3, 4, sd)


# a whole classifier-like network, as saved from nn.DataParallel (names start with "module."),
# laid out as rnn4j's SequenceClassifier: embedding (padding_idx 0), rnn (batch-first), head on the
# last layer's final states of both directions
class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(6, 3, padding_idx=0)
        self.rnn = nn.GRU(3, 4, batch_first=True, bidirectional=True)
        self.dropout = nn.Dropout(0.0)
        self.head = nn.Linear(8, 2)

    def forward(self, ids):
        _, h_n = self.rnn(self.embedding(ids))
        return self.head(self.dropout(torch.cat([h_n[-2], h_n[-1]], dim=1)))


net = Classifier().eval()
torch.save(nn.DataParallel(net).state_dict(), os.path.join(out_dir, "classifier_dataparallel.pt"))
ids = torch.tensor([[1, 2, 3, 4, 5], [5, 4, 3, 2, 1], [2, 2, 5, 1, 3]])
with torch.no_grad():
    logits = net(ids)
expected["fixtures"]["classifier_dataparallel.pt"] = {
    "kind": "classifier", "vocab": 6, "embedding_dim": 3, "cell": "GRU", "hidden_size": 4, "bidirectional": True,
    "classes": 2, "ids_shape": list(ids.shape), "ids": ids.reshape(-1).tolist(),
    "logits_shape": list(logits.shape), "logits": flat(logits)}

# pickle protocol 4 (SHORT_BINUNICODE, MEMOIZE, FRAME, STACK_GLOBAL) instead of torch.save's default 2
layer = nn.GRU(3, 4)
record_layer("gru_protocol4.pt", layer, "GRU", 3, 4, layer.state_dict(), protocol=4)

with open(os.path.join(out_dir, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1)
    f.write("\n")
