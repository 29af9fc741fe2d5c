#!/usr/bin/env bash
# One benchmark sitting: for each workload, rnn4j on 1 and 2 threads, PyTorch 1.13 (Debian's, under
# /usr/bin/python3) on 1 thread, and PyTorch 2.7.1 (bench/djl) on 1 and 2 threads with glibc's malloc
# defaults and tuned; 5 timed chunks each, one process at a time. Then:
#   python3 bench/sitting_table.py OUT
# Needs the built jar (mvn -q package -DskipTests), python3-torch + libopenblas0-pthread (apt) and
# Maven Central once for bench/djl. Never run by the build or CI. Run it on an otherwise idle machine.
# usage: bench/sitting.sh OUT [workload ...]
set -euo pipefail
out=${1:?usage: bench/sitting.sh OUT [workload ...]}
shift
workloads=${*:-W1 W2 W3 W3g W4b1 W4b32 W5train W5sample}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar=${RNN4J_JAR:-$root/cli/target/rnn4j.jar}
reps=${REPS:-5}
: > "$out"
for w in $workloads; do
  for t in 1 2; do
    java --add-modules jdk.incubator.vector -jar "$jar" bench --workload "$w" --threads "$t" --reps "$reps" --json 2>/dev/null \
      | sed "s/^/RNN4J /" >> "$out"
  done
  OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 "$root/bench/pytorch/bench_torch.py" --workload "$w" --threads 1 --reps "$reps" 2>/dev/null \
    | grep RESULT | sed "s/^/TORCH113 $w /" >> "$out"
  RNN4J_DJL_MALLOC=default "$root/bench/djl/run.sh" --workload "$w" --threads 1,2 --reps "$reps" 2>/dev/null \
    | grep RESULT | sed "s/^/DJL271 $w /" >> "$out"
  "$root/bench/djl/run.sh" --workload "$w" --threads 1,2 --reps "$reps" 2>/dev/null \
    | grep RESULT | sed "s/^/DJL271T $w /" >> "$out"
  echo "$(date +%T) $w done" >&2
done
