#!/usr/bin/env bash
# Trains the default `rnn4j forecast` recipe on every shipped monthly series with a 24-month holdout
# and prints the holdout MASE of the model beside the naive and seasonal-naive forecasts.
# Usage: examples/forecast_robustness.sh [extra 'forecast train' options, e.g. --seed 7 or --no-refit]
# About 2.5 minutes on 2 cores. Models go to a temporary folder that is removed at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RNN4J="$ROOT/rnn4j"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
printf '%-20s %8s %8s %8s  %s\n' series model naive snaive "model < seasonal naive"
wins=0; total=0
for csv in "$ROOT"/examples/data/*.csv "$ROOT"/examples/data/monthly/*.csv; do
  name="$(basename "$csv" .csv)"
  # train's warnings (e.g. "worse than seasonal naive on the validation part") go to a log, not between the rows
  "$RNN4J" forecast train --csv "$csv" --holdout 24 --season 12 --out "$TMP/$name" --quiet "$@" > /dev/null 2> "$TMP/$name.log" \
    || { cat "$TMP/$name.log" >&2; exit 1; }
  # eval prints a table: forecast RMSE MAE sMAPE% MASE; keep the MASE column of the three rows
  read -r model naive snaive < <("$RNN4J" forecast eval --model "$TMP/$name" --csv "$csv" --holdout 24 --season 12 \
    | awk '$1 == "model" {m = $5} $1 == "naive" {n = $5} $1 == "seasonal_naive" {s = $5} END {print m, n, s}')
  win=$(awk -v a="$model" -v b="$snaive" 'BEGIN {print (a < b) ? "yes" : "no"}')
  [[ $win == yes ]] && wins=$((wins + 1))
  total=$((total + 1))
  printf '%-20s %8s %8s %8s  %s\n' "$name" "$model" "$naive" "$snaive" "$win"
done
echo "model beats seasonal naive on $wins of $total series"
