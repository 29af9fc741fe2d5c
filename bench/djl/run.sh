#!/usr/bin/env bash
# PyTorch 2.7.1 through DJL on the bench_torch.py workloads. Same arguments as
# bench/pytorch/bench_torch.py, e.g.:
#   bench/djl/run.sh --workload W3 --threads 1,2 --reps 2
# Builds what it needs first: the fat jar (Maven; offline once the dependencies are in ~/.m2)
# and the tiny JNI shim native/rnn4j_shim.cpp (FTZ/DAZ, libtorch's show_config) with g++. Extra JVM flags: JAVA_OPTS.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/rnn4j-bench-djl.jar"
shim="$here/target/native/librnn4j_shim.so"

if [[ ! -f "$jar" || -n "$(find "$here/pom.xml" "$here/src" -newer "$jar" -print -quit)" ]]; then
  echo "[run.sh] building $jar" >&2
  (cd "$here" && { mvn -q -o package >/dev/null 2>&1 || mvn -q package; }) >&2
fi

if [[ ! -f "$shim" || "$here/native/rnn4j_shim.cpp" -nt "$shim" ]]; then
  java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac || command -v java)")")")}"
  mkdir -p "$(dirname "$shim")"
  g++ -O2 -shared -fPIC -I"$java_home/include" -I"$java_home/include/linux" \
      -o "$shim" "$here/native/rnn4j_shim.cpp" -ldl
fi

# glibc's malloc, as the JVM's threads use it, hands libtorch's large freed buffers back to the kernel
# and page-faults them in again at every step (a quarter of a W3 step went to system time). Keeping
# them in the heap is what a PyTorch user on this machine would do for speed, and it lifted W3 from
# ~120 to ~174 seq/s, W2 from ~78 to ~132 (one thread): the default. RNN4J_DJL_MALLOC=default keeps
# glibc's defaults (the `variant` key says which ran).
if [[ "${RNN4J_DJL_MALLOC:-tuned}" != default ]]; then
  export GLIBC_TUNABLES="${GLIBC_TUNABLES:-glibc.malloc.mmap_threshold=1073741824:glibc.malloc.trim_threshold=4294967295:glibc.malloc.top_pad=268435456:glibc.malloc.arena_max=1}"
  export ANCHOR_VARIANT="${ANCHOR_VARIANT:-malloc-tuned}"
else
  export ANCHOR_VARIANT="${ANCHOR_VARIANT:-malloc-default}"
fi

# DJL extracts libtorch (about 450 MB) once into its cache; keep it under target/ unless set.
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$here/target/djl-cache}"

exec java -XX:+UseSerialGC ${JAVA_OPTS:-} \
  -Dai.djl.offline=true \
  -Dorg.slf4j.simpleLogger.logFile=System.err \
  -Drnn4j.shim.lib="$shim" \
  -jar "$jar" "$@"
