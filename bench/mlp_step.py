#!/usr/bin/python3
"""The MLP train step of autograd4j's MlpStepBenchmark, in PyTorch, and the comparison table.

  mlp_step.py measure --batch 64 --threads 1   prints "batch threads ms_per_step"
  mlp_step.py report torch.txt jmh.json        prints the table: PyTorch vs autograd4j per kernel

The step: MLP 784-256-128-10 with ReLU, float64, a fixed random batch, zero_grad + forward +
cross-entropy + backward + SGD (lr 0.01). Optional tooling: nothing in the library or its build
uses it. Thread counts come from the caller (compare-pytorch.sh pins torch and OpenBLAS).
"""
import argparse
import json
import statistics
import sys
import time


def measure(batch, threads, rounds, seconds):
    import torch
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    net = torch.nn.Sequential(
        torch.nn.Linear(784, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 128), torch.nn.ReLU(),
        torch.nn.Linear(128, 10)).double()
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
    criterion = torch.nn.CrossEntropyLoss()
    x = torch.randn(batch, 784, dtype=torch.float64)
    y = torch.randint(0, 10, (batch,))

    def step():
        optimizer.zero_grad()
        loss = criterion(net(x), y)
        loss.backward()
        optimizer.step()
        return loss.item()

    per_round = []
    for r in range(rounds + 3):  # the first 3 rounds are warm-up, as JMH's warm-up iterations
        steps = 0
        start = time.perf_counter()
        while time.perf_counter() - start < seconds:
            step()
            steps += 1
        if r >= 3:
            per_round.append((time.perf_counter() - start) * 1e3 / steps)
    print(batch, threads, statistics.mean(per_round), min(per_round))


def report(torch_file, jmh_file):
    torch_ms = {}
    with open(torch_file) as f:
        for line in f:
            batch, threads, mean, best = line.split()
            torch_ms[(int(batch), int(threads))] = (float(mean), float(best))
    ours = {}
    with open(jmh_file) as f:
        for r in json.load(f):
            p = r["params"]
            raw = [t for fork in r["primaryMetric"]["rawData"] for t in fork]
            ours[(int(p["batch"]), int(p["threads"]), p["kernel"])] = (r["primaryMetric"]["score"], min(raw))
    kernels = sorted({k for (_, _, k) in ours}, reverse=True)  # vector-api before java
    print("| batch | threads | PyTorch ms/step |" + "".join(f" {k} ms/step | ratio |" for k in kernels))
    print("|" + "---:|" * (3 + 2 * len(kernels)))
    for (batch, threads), (t, t_best) in sorted(torch_ms.items()):
        row = f"| {batch} | {threads} | {t:.2f} (best {t_best:.2f}) |"
        for k in kernels:
            o = ours.get((batch, threads, k))
            row += " - | - |" if o is None else f" {o[0]:.2f} (best {o[1]:.2f}) | {o[0] / t:.2f} ({o[1] / t_best:.2f}) |"
        print(row)
    print("\nms/step: mean over the measured iterations (best: fastest iteration); ratio = autograd4j"
          " time / PyTorch time, of the means (of the bests); below 1, autograd4j is faster")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser("measure")
    m.add_argument("--batch", type=int, required=True)
    m.add_argument("--threads", type=int, required=True)
    m.add_argument("--rounds", type=int, default=5)
    m.add_argument("--seconds", type=float, default=1.0)
    r = sub.add_parser("report")
    r.add_argument("torch_file")
    r.add_argument("jmh_file")
    args = parser.parse_args()
    if args.command == "measure":
        measure(args.batch, args.threads, args.rounds, args.seconds)
    else:
        report(args.torch_file, args.jmh_file)


if __name__ == "__main__":
    sys.exit(main())
