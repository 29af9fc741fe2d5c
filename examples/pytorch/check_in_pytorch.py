#!/usr/bin/env python3
"""Loads an rnn4j model folder into the equivalent PyTorch module and, optionally, compares numbers.

    python3 examples/pytorch/check_in_pytorch.py MODEL_DIR
    python3 examples/pytorch/check_in_pytorch.py MODEL_DIR DATA.tsv PREDICTIONS.tsv

The first form builds the PyTorch module that config.json describes and loads model.safetensors into
it with load_state_dict(strict=True): every name and shape must match. The second form (DNA
classifiers: one-hot input) also runs the PyTorch module on DATA.tsv (columns id, label, sequence)
and compares its class probabilities with those `rnn4j classify predict` wrote to PREDICTIONS.tsv.

Needs PyTorch and numpy (Debian: apt-get install python3-torch). Not used by the build or CI: the
safetensors file is parsed here with the standard library and numpy, so the `safetensors` package
is not needed.
"""
import json
import struct
import sys

import numpy as np
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

# Largest accepted |p_torch - p_rnn4j|: 5e-7 from the 6 printed decimals, the rest float32 rounding
# of two implementations.
TOLERANCE = 1e-5

CELLS = {"lstm": nn.LSTM, "gru": nn.GRU, "rnn": nn.RNN, "rnn_tanh": nn.RNN, "rnn_relu": nn.RNN}


def load_safetensors(path):
    raw = open(path, "rb").read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    base = 8 + n
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] != "F32":
            raise SystemExit(f"{path}: {name} has dtype {info['dtype']}, this script reads F32 only")
        a, b = info["data_offsets"]
        out[name] = torch.from_numpy(np.frombuffer(raw[base + a:base + b], dtype="<f4").reshape(info["shape"]).copy())
    return out


def recurrent(cell, input_size, hidden, layers, bidirectional=False):
    kw = dict(num_layers=layers, batch_first=True, bidirectional=bidirectional)
    if cell == "rnn_relu":
        kw["nonlinearity"] = "relu"
    return CELLS[cell](input_size, hidden, **kw)


class ForecastMember(nn.Module):
    def __init__(self, a):
        super().__init__()
        self.rnn = recurrent(a["cell"], a["input_size"], a["hidden_size"], a["num_layers"])
        self.head = nn.Linear(a["hidden_size"], a["horizon"])


class Classifier(nn.Module):
    """embedding / position_embedding → packed rnn → pooling (last, mean, max over valid steps) → head."""

    def __init__(self, a):
        super().__init__()
        self.a = a
        if a["input"] == "TOKEN_IDS":
            self.embedding = nn.Embedding(a["input_size"], a["embedding_dim"], padding_idx=0)
        width = a["embedding_dim"] if a["input"] == "TOKEN_IDS" else a["input_size"]
        if a["position_dim"] > 0:
            self.position_embedding = nn.Embedding(a["max_positions"], a["position_dim"])
            width += a["position_dim"]
        self.rnn = recurrent(a["cell"], width, a["hidden_size"], a["num_layers"], a["bidirectional"])
        d = 2 if a["bidirectional"] else 1
        self.head = nn.Linear(len(a["pooling"]) * d * a["hidden_size"], a["num_classes"])

    def forward(self, x, lengths):  # x: [B, T, F] one-hot, lengths: [B]
        b, t, _ = x.shape
        if self.a["position_dim"] > 0:
            x = torch.cat([x, self.position_embedding(torch.arange(t)).expand(b, t, -1)], dim=2)
        packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        out, h = self.rnn(packed)
        h_n = h[0] if isinstance(h, tuple) else h
        out, _ = pad_packed_sequence(out, batch_first=True)  # [B, T, D·H], zeros past each length
        valid = (torch.arange(out.shape[1])[None, :] < lengths[:, None])[:, :, None]
        d = 2 if self.a["bidirectional"] else 1
        parts = []
        for p in self.a["pooling"]:
            if p == "last":
                parts.append(torch.cat([h_n[-d + i] for i in range(d)], dim=1))
            elif p == "mean":
                parts.append(out.sum(1) / lengths[:, None].float())
            else:
                parts.append(out.masked_fill(~valid, float("-inf")).max(1).values)
        return self.head(torch.cat(parts, dim=1))


def one_hot_dna(seq):
    x = np.zeros((len(seq), 4), dtype=np.float32)
    for i, ch in enumerate(seq.upper()):
        j = "ACGT".find(ch)
        if j >= 0:
            x[i, j] = 1.0  # other IUPAC codes: the zero vector (rnn4j's default policy)
    return x


def main():
    if len(sys.argv) not in (2, 4):
        raise SystemExit(__doc__)
    folder = sys.argv[1]
    cfg = json.load(open(folder + "/config.json"))
    state = load_safetensors(folder + "/model.safetensors")
    a = cfg["architecture"]
    if cfg["task"] == "forecast":
        model = nn.Module()
        model.members = nn.ModuleList(ForecastMember(a) for _ in range(a["members"]))
        members = list(model.members)
    elif cfg["task"] == "sequence_classification":
        k = cfg.get("ensemble_size", 1)
        if k > 1:
            model = nn.Module()
            model.members = nn.ModuleList(Classifier(a) for _ in range(k))
            members = list(model.members)
        else:
            model = Classifier(a)
            members = [model]
    else:
        raise SystemExit(f"{folder}: unknown task {cfg['task']!r}")
    print("torch", torch.__version__, "load_state_dict(strict=True):", model.load_state_dict(state, strict=True),
          f"({len(state)} tensors, {sum(v.numel() for v in state.values()):,} parameters)")
    if len(sys.argv) == 2:
        return
    if cfg["task"] != "sequence_classification" or cfg["encoder"]["type"] != "dna_one_hot":
        raise SystemExit("the comparison of predictions is written for DNA classifiers (one-hot input)")
    rows = [r.rstrip("\n").split("\t") for r in open(sys.argv[2], encoding="utf-8")]
    col = {n: i for i, n in enumerate(rows[0])}
    seqs = [r[col["sequence"]][:cfg["max_length"]] for r in rows[1:]]
    preds = [r.rstrip("\n").split("\t") for r in open(sys.argv[3], encoding="utf-8")]
    theirs = np.array([[float(v) for v in r[2:]] for r in preds[1:]])
    t = max(len(s) for s in seqs)
    x = torch.zeros(len(seqs), t, 4)
    for i, s in enumerate(seqs):
        x[i, :len(s)] = torch.from_numpy(one_hot_dna(s))
    lengths = torch.tensor([len(s) for s in seqs])
    with torch.no_grad():
        for m in members:
            m.eval()
        probs = torch.stack([torch.softmax(m(x, lengths), dim=1) for m in members]).mean(0).numpy()
    diff = np.abs(probs - theirs).max()
    agree = (probs.argmax(1) == theirs.argmax(1)).mean()
    print(f"{len(seqs)} sequences: max |p_torch - p_rnn4j| = {diff:.2e} (rnn4j writes 6 decimals), "
          f"same predicted class for {agree:.1%}")
    if diff > TOLERANCE:
        raise SystemExit(f"probabilities differ by more than {TOLERANCE}")


if __name__ == "__main__":
    main()
