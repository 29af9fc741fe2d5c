#!/usr/bin/env bash
# Covariates in `rnn4j forecast`: the default recipe trained on the same target with and without
# covariates, holdout MASE side by side. Two cases:
#   leading    synthetic (seeded, written here): x is a smooth random signal (AR(1), 0.8) and
#              y[t] = 10 + 2·x[t-6] + 0.3·e[t], so the covariate announces the target one horizon
#              (6 steps; integer time stamps, no season) ahead. 300 rows, 60 held out.
#   seatbelts  the shipped R series joined on time: front-seat casualties with the rear-seat ones
#              as covariate, up to 1982-12 (before the seat-belt law of 31 January 1983). 168 rows,
#              24 held out.
# MASE is given for forecasts of one horizon from each origin (no covariate beyond the history is
# needed) and for one forecast of the whole holdout (past the first horizon the covariates are held
# at their last known value, and eval says so on stderr, kept here in the log).
# Both rows use the network alone (--combine off): a univariate model is otherwise combined with
# Theta and seasonal naive, which would compare a combination with a network, not inputs.
# Usage: examples/covariate_demo.sh [extra 'forecast train' options, e.g. --seed 7]. About 4 minutes
# on 2 cores. Files and models go to a temporary folder that is removed at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RNN4J="$ROOT/rnn4j"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

python3 - "$TMP" "$ROOT/examples/data/monthly" <<'EOF'
import random, sys
tmp, monthly = sys.argv[1], sys.argv[2]
r = random.Random(7)
n, lag = 300, 6
x, v = [], 0.0
for t in range(n):
    v = 0.8 * v + r.gauss(0, 1)
    x.append(v)
with open(f"{tmp}/leading.csv", "w") as f:
    f.write("time,y,x\n")
    for t in range(n):
        y = 10 + 2 * (x[t - lag] if t >= lag else 0) + 0.3 * r.gauss(0, 1)
        f.write(f"{t + 1},{y:.4f},{x[t]:.4f}\n")
def column(name):
    return [line.rstrip("\n").split(",") for line in open(f"{monthly}/Seatbelts_{name}.csv")][1:]
front, rear = column("front"), column("rear")
with open(f"{tmp}/seatbelts.csv", "w") as f:
    f.write("time,front,rear\n")
    for (t, a), (t2, b) in zip(front, rear):
        assert t == t2
        if t <= "1982-12":
            f.write(f"{t},{a},{b}\n")
EOF

# model csv holdout season [eval options]: the MASE of the model and of seasonal naive (eval's notes go to the model's log)
mase() {
  "$RNN4J" forecast eval --model "$1" --csv "$2" --holdout "$3" --season "$4" "${@:5}" 2>> "$1.log" \
    | awk '$1 == "model" {m = $5} $1 == "seasonal_naive" {s = $5} END {print m, s}'
}

# case file target covariate holdout season horizon [train options]: one row without the covariate, one with it
run() {
  local name=$1 csv=$TMP/$2.csv target=$3 cov=$4 holdout=$5 season=$6 horizon=$7 label with model blocks whole snaive
  for with in no yes; do
    model="$TMP/$name-$with"
    local c=()
    [[ $with == yes ]] && c=(--covariates "$cov")
    "$RNN4J" forecast train --csv "$csv" --column "$target" "${c[@]}" --holdout "$holdout" --season "$season" \
      --combine off --out "$model" --quiet "${@:8}" > /dev/null 2> "$model.log" || { cat "$model.log" >&2; exit 1; }
    read -r blocks snaive < <(mase "$model" "$csv" "$holdout" "$season" --horizon "$horizon")
    read -r whole _ < <(mase "$model" "$csv" "$holdout" "$season")
    label=$([[ $with == yes ]] && echo "$target + $cov" || echo "$target")
    printf '%-10s %-14s %14s %14s %14s\n' "$name" "$label" "$blocks" "$whole" "$snaive"
  done
}

printf '%-10s %-14s %14s %14s %14s\n' case inputs "MASE h-step" "MASE 1 fcst" "snaive h-step"
run leading leading y x 60 1 6 "$@"
run seatbelts seatbelts front rear 24 12 12 "$@"
