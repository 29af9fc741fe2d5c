#!/usr/bin/env python3
"""Rebuilds an rnn4j character language model in PyTorch and computes its bits per character on a text.

    python3 examples/pytorch/lm_bpc.py MODEL_DIR TEXT_FILE

MODEL_DIR is a folder written by `rnn4j lm train` (model.safetensors + config.json). The script builds
    emb  = torch.nn.Embedding(vocab_size, embedding_dim)
    rnn  = torch.nn.LSTM / GRU / RNN(embedding_dim, hidden_size, num_layers, batch_first=True)
    fc   = torch.nn.Linear(hidden_size, vocab_size)
loads the weights with load_state_dict(strict=True) (every name and shape must match), encodes the text
with the vocabulary of config.json (characters in id order; unknown characters are skipped and counted,
as `rnn4j lm eval` does), runs it in eval mode with the state carried from the first character to the
last, and prints the same figures as `rnn4j lm eval --json`: bpc, perplexity, characters, predicted,
unknown. They should equal rnn4j's within float tolerance (about 1e-4 bpc).

Needs PyTorch and numpy (Debian: apt-get install python3-torch). Not used by the build or CI.
"""
import json
import math
import struct
import sys

import numpy as np
import torch
import torch.nn as nn

CELLS = {"lstm": nn.LSTM, "gru": nn.GRU, "rnn_tanh": nn.RNN, "rnn_relu": nn.RNN}


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


class CharLM(nn.Module):
    def __init__(self, a):
        super().__init__()
        self.emb = nn.Embedding(a["vocab_size"], a["embedding_dim"])
        kw = dict(num_layers=a["num_layers"], batch_first=True, dropout=a["dropout"] if a["num_layers"] > 1 else 0.0)
        if a["cell"] == "rnn_relu":
            kw["nonlinearity"] = "relu"
        self.rnn = CELLS[a["cell"]](a["embedding_dim"], a["hidden_size"], **kw)
        self.fc = nn.Linear(a["hidden_size"], a["vocab_size"])

    def forward(self, ids, state=None):
        out, state = self.rnn(self.emb(ids), state)
        return self.fc(out), state


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    model_dir, text_file = sys.argv[1], sys.argv[2]
    config = json.load(open(f"{model_dir}/config.json", encoding="utf-8"))
    if config.get("task") != "char_language_model":
        raise SystemExit(f"{model_dir}: not a character language model (task {config.get('task')!r})")
    model = CharLM(config["architecture"])
    model.load_state_dict(load_safetensors(f"{model_dir}/model.safetensors"), strict=True)
    model.eval()
    index = {c: i for i, c in enumerate(config["vocabulary"])}
    text = open(text_file, encoding="utf-8").read()
    ids = [index[c] for c in text if c in index]
    unknown = len(text) - len(ids)
    x = torch.tensor(ids, dtype=torch.long).unsqueeze(0)  # [1, N]
    nats, state, window = 0.0, None, 512
    with torch.no_grad():
        for p in range(0, len(ids) - 1, window):
            t = min(window, len(ids) - 1 - p)
            logits, state = model(x[:, p:p + t], state)  # [1, t, V]
            nats += nn.functional.cross_entropy(logits[0].double(), x[0, p + 1:p + 1 + t], reduction="sum").item()
    predicted = len(ids) - 1
    print(json.dumps({"bpc": nats / predicted / math.log(2), "perplexity": math.exp(nats / predicted),
                      "characters": len(text), "predicted": predicted, "unknown": unknown}, indent=2))


if __name__ == "__main__":
    main()
