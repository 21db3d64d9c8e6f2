#!/usr/bin/env bash
# autograd4j against PyTorch on this machine, side by side in one run: GEMM against torch.mm
# (OpenBLAS here) on one thread, squares n = 64..2048 and the MLP step's products, and the MLP
# 784-256-128-10 train step for batch 64 and 256 on 1 and 2 threads, in float64 and float32.
# The two sides alternate (A B A B ...) for ROUNDS rounds, the load average is sampled before each
# measurement, and bench/mlp_step.py prints the medians and the ratios (docs/benchmarks.md).
# PyTorch's step runs twice per round: as installed, and with glibc's malloc told to keep its
# memory (MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_; "pytorch-keepmem"), which avoids ~200
# page faults per batch-256 step here: faster and steadier, so the stricter anchor.
# Optional tooling, not part of the library, its tests or CI. Needs Debian's python3-torch, and
# OpenBLAS as the system BLAS (without it torch 1.13 on Debian multiplies with the reference BLAS,
# about 10 times slower):
#   apt-get install -y python3-torch libopenblas0-pthread
# Usage: bench/compare-pytorch.sh                (everything, ~25 min with ROUNDS=3)
#   ROUNDS=5 PARTS=gemm DTYPES=float64 bench/compare-pytorch.sh
# Variables: ROUNDS (3), PARTS ("gemm step"), DTYPES ("float64 float32"), SHAPES, BATCHES
# ("64 256"), THREADS ("1 2"), JAR (the examples jar), OUT (where the raw lines go).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=/usr/bin/python3
JAR=${JAR:-autograd4j-examples/target/autograd4j-examples.jar}
ROUNDS=${ROUNDS:-3}
PARTS=${PARTS:-gemm step}
DTYPES=${DTYPES:-float64 float32}
SHAPES=${SHAPES:-64 128 256 512 1024 2048 64x256x784:NT 256x784x64:TN 64x128x256:NT 128x256x64:TN 64x256x128:NN}
BATCHES=${BATCHES:-64 256}
THREADS=${THREADS:-1 2}
OUT=${OUT:-$(mktemp -d)/side-by-side.txt}

if ! "$PYTHON" -c 'import torch' 2>/dev/null; then
    echo "compare-pytorch: $PYTHON has no torch; install it with: apt-get install -y python3-torch" >&2
    exit 1
fi
BLAS=$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || true)
if [[ $BLAS != *openblas* ]]; then
    echo "compare-pytorch: warning: the system BLAS is $BLAS, not OpenBLAS; PyTorch's times will be slow" \
         "(apt-get install -y libopenblas0-pthread)" >&2
fi
if [[ ! -f $JAR ]]; then
    mvn -B -q package -DskipTests -pl autograd4j-examples -am
fi
# OpenBLAS picks its kernels by CPU unless told otherwise: let it, as on a normal install.
unset OPENBLAS_CORETYPE

load() { echo "load $(cut -d' ' -f1 /proc/loadavg)" >> "$OUT"; }
threads_env() { echo "OMP_NUM_THREADS=$1 OPENBLAS_NUM_THREADS=$1 MKL_NUM_THREADS=$1"; }
ours() { # ours THREADS gemm|step DTYPE CASES...
    local t=$1
    shift
    java --add-modules jdk.incubator.vector -Xmx2g -Dautograd4j.threads="$t" -cp "$JAR" \
        io.github.autograd4j.examples.bench.SideBySideRates "$@" 2>/dev/null | grep -E '^(gemm|step) ' | tee -a "$OUT"
}
theirs() { # theirs THREADS LABEL [env...] -- gemm|step DTYPE CASES...
    local t=$1 label=$2
    shift 2
    local env=()
    while [[ $1 != -- ]]; do env+=("$1"); shift; done
    shift
    local what=$1 dtype=$2
    shift 2
    env $(threads_env "$t") "${env[@]}" "$PYTHON" bench/mlp_step.py "$what" --dtype "$dtype" --threads "$t" \
        --label "$label" "$@" | tee -a "$OUT"
}

{
    echo "# $(date -u +%FT%TZ) $(nproc) processors, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"
    echo "# BLAS $BLAS; torch $("$PYTHON" -c 'import torch; print(torch.__version__)'); $(java -version 2>&1 | head -1)"
} | tee "$OUT"
KEEPMEM=(MALLOC_MMAP_THRESHOLD_=1073741824 MALLOC_TRIM_THRESHOLD_=1073741824)
for round in $(seq "$ROUNDS"); do
    echo "# round $round of $ROUNDS" | tee -a "$OUT"
    for dtype in $DTYPES; do
        if [[ " $PARTS " == *" gemm "* ]]; then
            load; theirs 1 pytorch -- gemm "$dtype" $SHAPES
            load; ours 1 gemm "$dtype" $SHAPES
        fi
        if [[ " $PARTS " == *" step "* ]]; then
            for t in $THREADS; do
                load; theirs "$t" pytorch -- step "$dtype" $BATCHES
                load; ours "$t" step "$dtype" $BATCHES
                load; theirs "$t" pytorch-keepmem "${KEEPMEM[@]}" -- step "$dtype" $BATCHES
            done
        fi
    done
done
echo
echo "raw lines: $OUT"
"$PYTHON" bench/mlp_step.py report "$OUT"
