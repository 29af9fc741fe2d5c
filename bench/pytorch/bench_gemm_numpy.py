#!/usr/bin/python3
"""OpenBLAS's side of the GEMM comparison in docs/performance.md: SGEMM GFLOP/s through numpy.

    OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/pytorch/bench_gemm_numpy.py

Shapes are M×K×N as in bench/src/main/java/org/rnn4j/bench/kernels/GemmBench.java (64x256x1024: one
recurrent step of W3; 6400x100x1024: W3's input projection); forms NT (C = A·Bᵀ, B stored [N, K]),
NN and TN. Each is timed over repeated calls for about `--seconds` after a warm-up; the best of
`--reps` rounds is printed, one JSON object per line.
"""
import argparse
import json
import time

import numpy as np


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shapes", default="64x256x1024,6400x100x1024")
    ap.add_argument("--forms", default="NT,NN,TN")
    ap.add_argument("--seconds", type=float, default=1.0)
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args()
    rng = np.random.default_rng(1)
    for shape in args.shapes.split(","):
        m, k, n = (int(v) for v in shape.split("x"))
        for form in args.forms.split(","):
            a = (rng.random((k, m) if form[0] == "T" else (m, k), dtype=np.float32) - 0.5)
            b = (rng.random((n, k) if form[1] == "T" else (k, n), dtype=np.float32) - 0.5)
            opa = a.T if form[0] == "T" else a
            opb = b.T if form[1] == "T" else b
            c = np.empty((m, n), dtype=np.float32)
            for _ in range(20):
                np.matmul(opa, opb, out=c)
            best = 0.0
            for _ in range(args.reps):
                calls, t0 = 0, time.perf_counter()
                while True:
                    np.matmul(opa, opb, out=c)
                    calls += 1
                    el = time.perf_counter() - t0
                    if el >= args.seconds:
                        break
                best = max(best, 2.0 * m * n * k * calls / el / 1e9)
            print(json.dumps({"shape": shape, "form": form, "gflops": round(best, 2), "numpy": np.__version__}))


if __name__ == "__main__":
    main()
