#!/usr/bin/env python3
"""Tables of one sitting written by bench/sitting.sh: medians of the timed chunks, rnn4j against the
best PyTorch measured in the same sitting (1.13, 2.7.1 with glibc's malloc defaults, 2.7.1 tuned).

usage: python3 bench/sitting_table.py OUT [--peak GFLOPS]

The last column is what the issue's target would ask of this core: the GFLOP/s rnn4j's whole
step would have to run at (matrix products counted as in BENCHMARKS.md; compare with
bench/peak/fma_peak.c), or for the memory-bound W4b1 the rate at which it would have to stream the
weights (per sequence, W_hh of both layers at each of the 100 steps and W_ih once)."""
import collections
import json
import statistics
import sys

ORDER = ["W1", "W2", "W3", "W3g", "W4b1", "W4b32", "W5train", "W5sample"]
# the issue's targets as throughput ratios (W4b1's is a latency at most 0.7× PyTorch's)
TARGET = {"W1": 20, "W2": 1.5, "W3": 1.25, "W3g": 1.25, "W4b1": 1 / 0.7, "W4b32": 1.0, "W5train": 1.5, "W5sample": 3}
TARGET_TEXT = {w: "≤ 0.7× latency" if w == "W4b1" else f"≥ {t}×" for w, t in TARGET.items()}
# FLOPs per item (BENCHMARKS.md): per step, sequence or token
FLOPS = {"W1": 84672, "W2": 634.1e6, "W3": 533.3e6, "W3g": 400.0e6, "W4b1": 734.0e6, "W4b32": 734.0e6,
         "W5train": 7.373e6, "W5sample": 2.458e6}
# W4b1 is memory-bound: per sequence it streams W_hh of both layers at each of 100 steps, W_ih once
W4B1_BYTES = 100 * 2 * (2048 * 512 * 4) + 2048 * 256 * 4 + 2048 * 512 * 4
ANCHORS = [("TORCH113", "1.13"), ("DJL271", "2.7.1"), ("DJL271T", "2.7.1 tuned")]


def load(path):
    rnn, torch = {}, collections.defaultdict(list)
    for line in open(path):
        tag, rest = line.rstrip("\n").split(" ", 1)
        if tag == "RNN4J":
            d = json.loads(rest)
            rnn[(d["workload"], d["threads"])] = d
        else:
            w, r = rest.split(" ", 1)
            d = json.loads(r[len("RESULT "):])
            torch[(tag, w, d["threads"])].append(d["value"])
    return rnn, {k: statistics.median(v) for k, v in torch.items()}


def fmt(w, v):
    if w == "W4b1":
        return f"{1000 / v:.1f} ms"
    return f"{v:,.0f}" if v >= 1000 else f"{v:,.1f}"


def main():
    rnn, torch = load(sys.argv[1])
    print("| workload | rnn4j | PyTorch 1.13 | 2.7.1 | 2.7.1 tuned | rnn4j / best PyTorch | target | target needs |")
    print("|---|---|---|---|---|---|---|---|")
    for w in ORDER:
        if (w, 1) not in rnn:
            continue
        r = rnn[(w, 1)]["throughput"]
        vals = {tag: torch[(tag, w, 1)] for tag, _ in ANCHORS if (tag, w, 1) in torch}
        best = max(vals.values())
        cells = [fmt(w, vals[tag]) if tag in vals else "—" for tag, _ in ANCHORS]
        name = dict(ANCHORS)[max(vals, key=vals.get)]
        ratio = f"{best / r:.2f}× latency" if w == "W4b1" else f"{r / best:.2f}×"
        if w == "W4b1":
            need = f"{TARGET[w] * best * W4B1_BYTES / 1e9:.0f} GB/s of weights"
        elif w in ("W1", "W5sample"):
            need = "— (overhead-bound)"
        else:
            need = f"{TARGET[w] * best * FLOPS[w] / 1e9:.1f} GFLOP/s"
        print(f"| {w} | {fmt(w, r)} | " + " | ".join(cells) + f" | {ratio} (of {name}) | {TARGET_TEXT[w]} | {need} |")
    print()
    print("| workload | rnn4j 2 thr | 2 thr / 1 thr | CPU share | 2.7.1, 2 thr | 2.7.1 tuned, 2 thr | rnn4j / best | rnn4j MB/step |")
    print("|---|---|---|---|---|---|---|---|")
    for w in ORDER:
        if (w, 2) not in rnn:
            continue
        d = rnn[(w, 2)]
        r2, r1 = d["throughput"], rnn[(w, 1)]["throughput"]
        vals = [torch[(tag, w, 2)] for tag in ("DJL271", "DJL271T") if (tag, w, 2) in torch]
        best = max(vals)
        ratio = f"{best / r2:.2f}× latency" if w == "W4b1" else f"{r2 / best:.2f}×"
        print(f"| {w} | {fmt(w, r2)} | {r2 / r1:.2f}× | {d['cpu_share']:.2f} | " + " | ".join(fmt(w, v) for v in vals)
              + f" | {ratio} | {d['alloc_bytes_per_step'] / 1e6:.2f} |")


if __name__ == "__main__":
    main()
