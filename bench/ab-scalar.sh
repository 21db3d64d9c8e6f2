#!/usr/bin/env bash
# A/B of the scalar engine: two builds of autograd4j-examples.jar (e.g. main's and a branch's).
# First the moons step in one JVM, rounds of 20 steps alternating between the builds
# (MoonsStepInterleaved: medians of wall and thread-CPU ns per node, and of the per-round ratios),
# then each build in turn (A B A B ...) on the moons step in JMH (MoonsStepBenchmark) and on backward
# through chains of 10^6 and 10^7 nodes (DeepChainBenchmark.main: wall-clock and thread-CPU ns per
# node, the medians of three passes), each run with the load average beside it; then the median of each side. The same JMH
# benchmarks run on both sides. The machine may be shared: only ratios of interleaved runs mean much.
#
#   bench/ab-scalar.sh A.jar B.jar [rounds=3] [JVM options for the chain, e.g. "-Xmx6g -Xms6g -XX:+AlwaysPreTouch"]
set -euo pipefail
usage="usage: bench/ab-scalar.sh A.jar B.jar [rounds] [chain JVM options]"
a=${1:?$usage}
b=${2:?$usage}
rounds=${3:-3}
chain_opts=${4:--Xmx6g}
a=$(realpath "$a")
b=$(realpath "$b")
out=$(mktemp -d)
trap 'rm -r "$out"' EXIT
load() { cut -d' ' -f1 /proc/loadavg; }
# Both sides run B's DeepChainBenchmark.main (warm-up, a full collection after building, the median of
# three passes) against their own library, so only the engine differs.
unzip -q -d "$out/harness" "$b" 'io/github/autograd4j/examples/bench/DeepChainBenchmark*.class'
echo "moons step, interleaved in one JVM (load $(load)):"
java -cp "$b" io.github.autograd4j.examples.bench.MoonsStepInterleaved 100 10 "$a" "$b"
for ((r = 1; r <= rounds; r++)); do
    for side in A B; do
        jar=$a; [[ $side == B ]] && jar=$b
        moons=$(java -cp "$jar" io.github.autograd4j.examples.bench.MoonsStepBenchmark -f 1 -wi 3 -i 5 2>/dev/null \
            | awk '$1 == "autograd" {print $NF}')
        echo "$moons" >> "$out/moons-$side"
        echo "round $r $side moons step: $moons ns/node (load $(load))"
        # shellcheck disable=SC2086
        java $chain_opts -cp "$out/harness:$jar" io.github.autograd4j.examples.bench.DeepChainBenchmark 2>/dev/null \
            | awk '/^chain of [0-9]+ nodes: backward/ {
                       n = 0; for (i = 1; i < NF; i++) if ($(i + 1) == "ns/node;") t[++n] = $i; print $3, t[1], t[2]}' > "$out/chain"
        while read -r length perNode cpuPerNode; do
            echo "$perNode" >> "$out/chain-$length-$side"
            echo "$cpuPerNode" >> "$out/chain-cpu-$length-$side"
            echo "round $r $side chain of $length: $perNode ns/node, thread CPU $cpuPerNode ns/node (load $(load))"
        done < "$out/chain"
    done
done
median() { sort -g "$1" | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
for side in A B; do
    small=$(median "$out/chain-1000000-$side")
    large=$(median "$out/chain-10000000-$side")
    cpuSmall=$(median "$out/chain-cpu-1000000-$side")
    cpuLarge=$(median "$out/chain-cpu-10000000-$side")
    echo "median $side: moons step $(median "$out/moons-$side") ns/node; chain 10^6 $small ns/node, 10^7 $large ns/node" \
        "(10^7 / 10^6 per node: $(awk -v s="$small" -v l="$large" 'BEGIN {printf "%.2f", l / s}'));" \
        "thread CPU 10^6 $cpuSmall, 10^7 $cpuLarge ns/node ($(awk -v s="$cpuSmall" -v l="$cpuLarge" 'BEGIN {printf "%.2f", l / s}'))"
done
