#!/usr/bin/python3
# Origin: the PyTorch side of rnn4j's benchmark definition, copied unchanged (apart from this
# comment) from the project's shared benchmark folder so that a clone has it. The workloads are
# described in docs/performance.md; "../BENCHMARKS.md" in the docstring below is that shared
# definition. rnn4j's side is `./rnn4j bench` (org.rnn4j.bench): keep both in step when either changes.
"""RNN anchor workloads W1..W5 (+ matmul peak) for PyTorch (Debian's 1.13 under /usr/bin/python3).

Every workload is defined in ../BENCHMARKS.md (shared/BENCHMARKS.md).
Prints one JSON object per timed chunk on stdout, prefixed with "RESULT ".
Thread counts are switched inside the process (torch.set_num_threads + the
BLAS library's own thread setter), interleaved per repetition (1,2,2,1,1,2,...),
so the 1-thread/2-thread ratio is measured in the same run.
"""
import argparse
import ctypes
import json
import math
import os
import sys
import time

import torch
import torch.nn as nn

ANCHOR = "torch-" + torch.__version__.split("+")[0]

# ---------------------------------------------------------------- threads
_blas = None
for _name in ("libopenblas.so.0",):
    try:
        _blas = ctypes.CDLL(_name)
        _blas.openblas_get_corename.restype = ctypes.c_char_p
        break
    except OSError:
        _blas = None


def blas_core():
    if _blas is None:
        return "none"
    return _blas.openblas_get_corename().decode()


_HZ = os.sysconf("SC_CLK_TCK")
_NCPU = os.cpu_count()


def busy_seconds():
    """System-wide non-idle CPU seconds from /proc/stat (all cores)."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle = v[3] + v[4]
    return (sum(v[:8]) - idle) / _HZ


def set_threads(n):
    torch.set_num_threads(n)
    if _blas is not None:
        _blas.openblas_set_num_threads(n)


# ---------------------------------------------------------------- workloads
# Each make_* returns (step_fn, items_per_step, unit, steps_per_chunk, warmup_steps)


def make_w1():
    """W1 sine: RNN(1,16) + Linear(16,1), batch 1, seq 49, MSE, Adam lr 0.01."""
    torch.manual_seed(1)

    class SineRNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.rnn = nn.RNN(input_size=1, hidden_size=16, batch_first=True)
            self.fc = nn.Linear(16, 1)

        def forward(self, x):
            out, _ = self.rnn(x)
            return self.fc(out)

    model = SineRNN()
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.MSELoss()
    xs, ys = [], []
    for k in range(64):  # 64 fixed windows, cycled
        phase = k * 2.0 * math.pi / 64.0
        t = torch.linspace(phase, phase + math.pi, 50, dtype=torch.float64)
        s = torch.sin(t).float()
        xs.append(s[:-1].reshape(1, 49, 1).contiguous())
        ys.append(s[1:].reshape(1, 49, 1).contiguous())
    state = {"i": 0}

    def step():
        i = state["i"] % 64
        state["i"] += 1
        opt.zero_grad()
        loss = loss_fn(model(xs[i]), ys[i])
        loss.backward()
        opt.step()
        return loss

    return step, 1, "steps/s", 2000, 300


def make_w2():
    """W2 dna: one-hot(4) -> biLSTM(4,128,2 layers) -> cat(h_n fwd,bwd of last layer) -> Linear(256,2)."""
    torch.manual_seed(2)

    class DnaNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.lstm = nn.LSTM(4, 128, num_layers=2, bidirectional=True, batch_first=True)
            self.fc = nn.Linear(256, 2)

        def forward(self, x):
            _, (h, _) = self.lstm(x)
            return self.fc(torch.cat([h[-2], h[-1]], dim=1))

    model = DnaNet()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    g = torch.Generator().manual_seed(22)
    batches = []
    for _ in range(4):
        bases = torch.randint(0, 4, (64, 200), generator=g)
        x = nn.functional.one_hot(bases, 4).float().contiguous()
        y = torch.randint(0, 2, (64,), generator=g)
        batches.append((x, y))
    state = {"i": 0}

    def step():
        x, y = batches[state["i"] % 4]
        state["i"] += 1
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        return loss

    return step, 64, "seq/s", 3, 1


def make_w3(cell):
    """W3 text: Embedding(20000,100) -> LSTM/GRU(100,256,2 layers) -> Linear(256,2) on h_n[-1]."""
    torch.manual_seed(3)
    rnn_cls = nn.LSTM if cell == "lstm" else nn.GRU

    class TextNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(20000, 100)
            self.rnn = rnn_cls(100, 256, num_layers=2, batch_first=True)
            self.fc = nn.Linear(256, 2)

        def forward(self, ids):
            _, h = self.rnn(self.emb(ids))
            if isinstance(h, tuple):
                h = h[0]
            return self.fc(h[-1])

    model = TextNet()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    g = torch.Generator().manual_seed(33)
    batches = [(torch.randint(0, 20000, (64, 100), generator=g), torch.randint(0, 2, (64,), generator=g))
               for _ in range(4)]
    state = {"i": 0}

    def step():
        x, y = batches[state["i"] % 4]
        state["i"] += 1
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        return loss

    return step, 64, "seq/s", 3, 1


def make_w4(batch):
    """W4 inference: LSTM(256,512,2 layers), seq-first input (100, batch, 256), forward only, no_grad."""
    torch.manual_seed(4)
    lstm = nn.LSTM(256, 512, num_layers=2).eval()
    x = torch.randn(100, batch, 256, generator=torch.Generator().manual_seed(44))

    def step():
        with torch.no_grad():
            out, _ = lstm(x)
        return out

    if batch == 1:
        return step, 1, "seq/s", 30, 5
    return step, batch, "seq/s", 6, 1


class CharLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(96, 64)
        self.lstm = nn.LSTM(64, 512, num_layers=1, batch_first=True)
        self.fc = nn.Linear(512, 96)

    def forward(self, ids, state=None):
        out, state = self.lstm(self.emb(ids), state)
        return self.fc(out), state


def make_w5_train():
    """W5 char LM training: ids (32,128) in [0,96); targets = next char; CE over all 4096 positions; Adam 2e-3."""
    torch.manual_seed(5)
    model = CharLM()
    opt = torch.optim.Adam(model.parameters(), lr=2e-3)
    loss_fn = nn.CrossEntropyLoss()
    g = torch.Generator().manual_seed(55)
    batches = []
    for _ in range(4):
        seq = torch.randint(0, 96, (32, 129), generator=g)
        batches.append((seq[:, :-1].contiguous(), seq[:, 1:].contiguous()))
    state = {"i": 0}

    def step():
        x, y = batches[state["i"] % 4]
        state["i"] += 1
        opt.zero_grad()
        logits, _ = model(x)
        loss = loss_fn(logits.reshape(-1, 96), y.reshape(-1))
        loss.backward()
        opt.step()
        return loss

    return step, 32 * 128, "tokens/s", 3, 1


def make_w5_sample():
    """W5 sampling: batch 1, one token per call, (h,c) carried, softmax + multinomial, no_grad."""
    torch.manual_seed(5)
    model = CharLM().eval()
    g = torch.Generator().manual_seed(56)
    st = {"tok": torch.zeros(1, 1, dtype=torch.long), "state": None}

    def step():
        with torch.no_grad():
            logits, st["state"] = model(st["tok"], st["state"])
            probs = torch.softmax(logits[:, -1, :], dim=-1)
            st["tok"] = torch.multinomial(probs, 1, generator=g)
        return st["tok"]

    return step, 1, "tokens/s", 4000, 300


def make_peak():
    """Peak: C = A @ B, 2048x2048 float32."""
    n = 2048
    g = torch.Generator().manual_seed(7)
    a = torch.rand(n, n, generator=g)
    b = torch.rand(n, n, generator=g)

    def step():
        return a @ b

    return step, 2.0 * n ** 3 / 1e9, "GFLOP/s", 16, 2


WORKLOADS = {
    "W1": make_w1,
    "W2": make_w2,
    "W3": lambda: make_w3("lstm"),
    "W3g": lambda: make_w3("gru"),
    "W4b1": lambda: make_w4(1),
    "W4b32": lambda: make_w4(32),
    "W5train": make_w5_train,
    "W5sample": make_w5_sample,
    "PEAK": make_peak,
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workload", required=True, choices=sorted(WORKLOADS))
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--reps", type=int, default=2, help="timed chunks per thread count")
    ap.add_argument("--steps", type=int, default=0, help="override steps per chunk")
    ap.add_argument("--round", type=int, default=0)
    ap.add_argument("--variant", default=os.environ.get("ANCHOR_VARIANT", "default"))
    ap.add_argument("--flush-denormal", type=int, default=1,
                    help="torch.set_flush_denormal (FTZ/DAZ); 1 by default, see README")
    args = ap.parse_args()

    threads = [int(t) for t in args.threads.split(",")]
    default_threads = torch.get_num_threads()
    torch.set_flush_denormal(bool(args.flush_denormal))
    step, items, unit, chunk, warm = WORKLOADS[args.workload]()
    if args.steps:
        chunk = args.steps
    # warm-up once per thread count
    for nt in threads:
        set_threads(nt)
        for _ in range(warm):
            step()
    order = []
    for r in range(args.reps):  # ABBA order to cancel drift
        order += threads if r % 2 == 0 else threads[::-1]
    for nt in order:
        set_threads(nt)
        b0, c0, t0 = busy_seconds(), time.process_time(), time.perf_counter()
        for _ in range(chunk):
            out = step()
        float(out.float().sum())  # consume the result
        dt = time.perf_counter() - t0
        own = time.process_time() - c0
        other = max(0.0, (busy_seconds() - b0 - own) / (dt * _NCPU))
        rec = {
            "anchor": ANCHOR, "variant": args.variant, "workload": args.workload, "threads": nt,
            "round": args.round, "steps": chunk, "seconds": dt, "unit": unit,
            "value": items * chunk / dt, "ms_per_step": 1000.0 * dt / chunk,
            "blas_core": blas_core(), "default_num_threads": default_threads,
            "flush_denormal": bool(args.flush_denormal), "own_cpu_per_wall": own / dt,
            "other_cpu_frac": other, "loadavg1": os.getloadavg()[0],
        }
        print("RESULT " + json.dumps(rec), flush=True)


if __name__ == "__main__":
    main()
