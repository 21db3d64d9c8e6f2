#!/usr/bin/env bash
# Runs the MLP 784-256-128-10 train step (float64) in PyTorch and in autograd4j on this machine,
# for batch 64 and 256 on 1 and 2 threads, and prints the times and ratios (docs/benchmarks.md).
# Optional tooling, not part of the library, its tests or CI. Needs Debian's python3-torch, and
# OpenBLAS as the system BLAS (without it torch 1.13 on Debian multiplies with the reference BLAS,
# about 10 times slower):
#   apt-get install -y python3-torch libopenblas0-pthread
# Usage: bench/compare-pytorch.sh [extra JMH options, e.g. -wi 3 -i 5]
# On a machine shared with other work, OMP_WAIT_POLICY=PASSIVE keeps torch's 2-thread runs from
# spinning against the other processes (see docs/benchmarks.md). JAR= picks another examples jar.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=/usr/bin/python3
JAR=${JAR:-autograd4j-examples/target/autograd4j-examples.jar}
BATCHES=(64 256)
THREADS=(1 2)
OUT=$(mktemp -d)

if ! "$PYTHON" -c 'import torch' 2>/dev/null; then
    echo "compare-pytorch: $PYTHON has no torch; install it with: apt-get install -y python3-torch" >&2
    exit 1
fi
BLAS=$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || true)
if [[ $BLAS != *openblas* ]]; then
    echo "compare-pytorch: warning: the system BLAS is $BLAS, not OpenBLAS; PyTorch's times will be slow" \
         "(apt-get install -y libopenblas0-pthread)" >&2
fi
echo "BLAS: $BLAS"
if [[ ! -f $JAR ]]; then
    mvn -B -q package -DskipTests -pl autograd4j-examples -am
fi

# OpenBLAS picks its kernels by CPU unless told otherwise: let it, as on a normal install.
unset OPENBLAS_CORETYPE
for t in "${THREADS[@]}"; do
    for b in "${BATCHES[@]}"; do
        OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t MKL_NUM_THREADS=$t \
            "$PYTHON" bench/mlp_step.py measure --batch "$b" --threads "$t" | tee -a "$OUT/torch.txt"
    done
done
echo "torch $("$PYTHON" -c 'import torch; print(torch.__version__)'), threads pinned by torch.set_num_threads" \
     "and OMP/OPENBLAS/MKL_NUM_THREADS; OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-(unset)}"

java --add-modules jdk.incubator.vector -jar "$JAR" bench MlpStepBenchmark \
    -p batch="$(IFS=,; echo "${BATCHES[*]}")" -p threads="$(IFS=,; echo "${THREADS[*]}")" \
    -rf json -rff "$OUT/jmh.json" "$@" > "$OUT/jmh.log"
tail -n $((2 + ${#BATCHES[@]} * ${#THREADS[@]} * 2)) "$OUT/jmh.log"
echo
"$PYTHON" bench/mlp_step.py report "$OUT/torch.txt" "$OUT/jmh.json"
