#!/usr/bin/env bash
# A/B of the MLP 784-256-128-10 train step on one thread: two builds of autograd4j-examples.jar and
# PyTorch (bench/mlp_step.py), in turn (A B PyTorch A B PyTorch ...), float32 and float64, each run
# with the load average beside it; then the medians per side. autograd4j's figures are wall-clock
# and thread-CPU ms per step (MlpStepTimer); PyTorch's are wall-clock. The machine may be shared:
# only ratios of interleaved runs mean much, and the CPU times least disturbed by the load.
#
#   bench/ab-mlp-step.sh A.jar B.jar [rounds=4] [batch=64]
set -euo pipefail
usage="usage: bench/ab-mlp-step.sh A.jar B.jar [rounds] [batch]"
a=$(realpath "${1:?$usage}")
b=$(realpath "${2:?$usage}")
rounds=${3:-4}
batch=${4:-64}
here=$(dirname "$0")
work=$(mktemp -d)
trap 'rm -r "$work"' EXIT
out=$work/lines
load() { cut -d' ' -f1 /proc/loadavg; }
# both sides run B's timer against their own library, so only the library differs
unzip -q -d "$work/harness" "$b" 'io/github/autograd4j/examples/bench/MlpStepTimer*.class'
for ((r = 1; r <= rounds; r++)); do
    for dtype in float32 float64; do
        for side in A B; do
            jar=$a; [[ $side == B ]] && jar=$b
            line=$(java --add-modules jdk.incubator.vector -Dautograd4j.threads=1 -cp "$work/harness:$jar" \
                io.github.autograd4j.examples.bench.MlpStepTimer "$batch" "$dtype" 8 6 2>/dev/null | tail -1)
            echo "round $r $side (load $(load)) $line" | tee -a "$out"
        done
        line=$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 /usr/bin/python3 "$here/mlp_step.py" step \
            --dtype "$dtype" --threads 1 "$batch" 2>/dev/null | tail -1)
        echo "round $r PyTorch (load $(load)) $line" | tee -a "$out"
    done
done
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
for dtype in float32 float64; do
    for side in A B; do
        wall=$(grep " $side (load" "$out" | grep " $dtype " | awk '{print $(NF - 6)}' | median)
        cpu=$(grep " $side (load" "$out" | grep " $dtype " | awk '{print $(NF - 4)}' | median)
        echo "median $dtype $side: wall $wall cpu $cpu ms/step"
    done
    torch=$(grep "PyTorch (load" "$out" | grep " $dtype " | awk '{print $(NF - 1)}' | median)
    echo "median $dtype PyTorch: wall $torch ms/step"
done
