#!/usr/bin/python3
"""PyTorch's side of bench/compare-pytorch.sh, and the comparison table.

  mlp_step.py step --dtype float64 --threads 1 [--label pytorch] 64 256
      the MLP train step, prints "step pytorch float64 1 64 1.754 ms" per batch
  mlp_step.py gemm --dtype float64 --threads 1 64x256x784:NT 1024 ...
      torch.mm (OpenBLAS here), prints "gemm pytorch float64 1 64x256x784:NT 31.20 GFLOP/s" per shape
  mlp_step.py report FILE
      medians over the rounds in FILE (lines of both sides, as above, and "load ..." lines)
      and the ratios autograd4j / PyTorch

The step: MLP 784-256-128-10 with ReLU, a fixed random batch, zero_grad + forward +
cross-entropy + backward + SGD (lr 0.01), as autograd4j's MlpStep. A shape is m x n x k with
the transpose flags of A and B after a colon (64x256x784:NT is x W^T), or n for a square. Each
case: 3 s of warm-up, then 5 rounds of 0.5 s; it prints the median. Optional tooling: nothing in
the library or its build uses it. Thread counts come from the caller (compare-pytorch.sh also
pins OpenBLAS and OpenMP).
"""
import argparse
import statistics
import sys
import time
from collections import defaultdict

WARMUP_SECONDS = 3.0
ROUNDS = 5
ROUND_SECONDS = 0.5


def median_seconds(work):
    end = time.perf_counter() + WARMUP_SECONDS
    while time.perf_counter() < end:
        work()
    per_run = []
    for _ in range(ROUNDS):
        runs = 0
        start = time.perf_counter()
        while True:
            work()
            runs += 1
            now = time.perf_counter()
            if now - start >= ROUND_SECONDS:
                break
        per_run.append((now - start) / runs)
    return statistics.median(per_run)


def dtype_of(name):
    import torch
    return {"float64": torch.float64, "float32": torch.float32}[name]


def step(dtype, threads, label, batches):
    import torch
    torch.set_num_threads(threads)
    for batch in batches:
        torch.manual_seed(42)
        net = torch.nn.Sequential(
            torch.nn.Linear(784, 256), torch.nn.ReLU(),
            torch.nn.Linear(256, 128), torch.nn.ReLU(),
            torch.nn.Linear(128, 10)).to(dtype_of(dtype))
        optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
        criterion = torch.nn.CrossEntropyLoss()
        x = torch.randn(batch, 784, dtype=dtype_of(dtype))
        y = torch.randint(0, 10, (batch,))

        def one():
            optimizer.zero_grad()
            loss = criterion(net(x), y)
            loss.backward()
            optimizer.step()
            return loss.item()

        print(f"step {label} {dtype} {threads} {batch} {median_seconds(one) * 1e3:.3f} ms", flush=True)


def parse_shape(text):
    sizes, _, flags = text.partition(":")
    parts = [int(s) for s in sizes.split("x")]
    m, n, k = parts if len(parts) == 3 else parts * 3
    flags = (flags or "NN").upper()
    return m, n, k, flags[0] == "T", flags[1] == "T"


def gemm(dtype, threads, label, shapes):
    import torch
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    for text in shapes:
        m, n, k, ta, tb = parse_shape(text)
        a = torch.rand(k, m, dtype=dtype_of(dtype)).t() if ta else torch.rand(m, k, dtype=dtype_of(dtype))
        b = torch.rand(n, k, dtype=dtype_of(dtype)).t() if tb else torch.rand(k, n, dtype=dtype_of(dtype))
        c = torch.empty(m, n, dtype=dtype_of(dtype))
        seconds = median_seconds(lambda: torch.mm(a, b, out=c))
        canonical = f"{m}x{n}x{k}:{'T' if ta else 'N'}{'T' if tb else 'N'}"
        print(f"gemm {label} {dtype} {threads} {canonical} {2.0 * m * n * k / seconds / 1e9:.2f} GFLOP/s", flush=True)


def report(path):
    values = defaultdict(list)   # (what, side, dtype, threads, case) -> numbers
    loads = []
    notes = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "load":
                loads.append(float(parts[1]))
                continue
            if parts[0] not in ("gemm", "step"):
                continue
            what, side, dtype, threads, case, value = parts[:6]
            key = (what, side, dtype, int(threads), case)
            if value == "n/a":
                notes[key] = " ".join(parts[6:])
            else:
                values[key].append(float(value))
    med = {key: statistics.median(v) for key, v in values.items()}
    if loads:
        print(f"load average (1 min) during the run: median {statistics.median(loads):.2f},"
              f" range {min(loads):.2f}-{max(loads):.2f}, {len(loads)} samples")
    rounds = max((len(v) for v in values.values()), default=0)
    print(f"medians over {rounds} rounds, the two sides alternating\n")

    gemm_cases = sorted({(k[2], k[3], k[4]) for k in med if k[0] == "gemm"}, key=lambda c: (c[0], c[1], sort_shape(c[2])))
    if gemm_cases:
        table(med, notes, "gemm", gemm_cases, "shape", "GFLOP/s")
        print("\nratio = autograd4j GFLOP/s / the other's: above 1, autograd4j is faster\n")

    step_cases = sorted({(k[2], k[3], k[4]) for k in list(med) + list(notes) if k[0] == "step"},
                        key=lambda c: (c[0], c[1], int(c[2])))
    if step_cases:
        table(med, notes, "step", step_cases, "batch", "ms/step")
        print("\nratio = autograd4j time / the other's (the inverse of speed): below 1, autograd4j is faster")
        for (what, side, dtype, threads, case), why in sorted(notes.items()):
            print(f"n/a: {what} {side} {dtype} {threads} threads {case}: {why}")
        for side in ["autograd4j"] + others(med, "step"):
            speedups = []
            for dtype, batch in sorted({(c[0], c[2]) for c in step_cases}, key=lambda c: (c[0], int(c[1]))):
                one = med.get(("step", side, dtype, 1, batch))
                two = med.get(("step", side, dtype, 2, batch))
                if one and two:
                    speedups.append(f"{dtype} batch {batch}: {one / two:.2f}x")
            if speedups:
                print(f"{side}, 2 threads against 1: " + ", ".join(speedups))


def table(med, notes, what, cases, case_name, unit):
    """One markdown table: a row per (dtype, threads, case), autograd4j's median and each other side's with the ratio."""
    sides = others(med, what)
    print(f"| dtype | threads | {case_name} | autograd4j {unit} |" + "".join(f" {s} {unit} | ratio |" for s in sides))
    print("|---|---:|---|---:|" + "---:|---:|" * len(sides))
    for dtype, threads, case in cases:
        key = (what, "autograd4j", dtype, threads, case)
        ours = med.get(key)
        row = f"| {dtype} | {threads} | {case} | {fmt(ours) if key not in notes else 'n/a'} |"
        for s in sides:
            theirs = med.get((what, s, dtype, threads, case))
            row += f" {fmt(theirs)} | {ratio(ours, theirs)} |"
        print(row)


def others(med, what):
    """The other sides measured for this part, e.g. pytorch and pytorch-keepmem."""
    return sorted({key[1] for key in med if key[0] == what} - {"autograd4j"})


def sort_shape(text):
    m, n, k, _, _ = parse_shape(text)
    return (0 if m == n == k else 1, m * n * k)


def fmt(x):
    return "-" if x is None else f"{x:.2f}"


def ratio(num, den):
    return "-" if num is None or den is None else f"{num / den:.2f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("step", "gemm"):
        p = sub.add_parser(name)
        p.add_argument("--dtype", choices=["float64", "float32"], default="float64")
        p.add_argument("--threads", type=int, default=1)
        p.add_argument("--label", default="pytorch")
        p.add_argument("cases", nargs="+")
    r = sub.add_parser("report")
    r.add_argument("file")
    args = parser.parse_args()
    if args.command == "step":
        step(args.dtype, args.threads, args.label, [int(b) for b in args.cases])
    elif args.command == "gemm":
        gemm(args.dtype, args.threads, args.label, args.cases)
    else:
        report(args.file)


if __name__ == "__main__":
    sys.exit(main())
