"""The charlm example's model and training in PyTorch, for the side-by-side figures in the README:
the same text (the jar's bundled addresses), vocabulary, split, batches (java.util.Random
reproduced, seeded from the seed and the step as CharLmExample does), model (token and position
embeddings, pre-norm GELU transformer encoder layers with a causal mask, final LayerNorm, linear
head), AdamW and held-out evaluation. Only the initial weights differ (another random generator).
Optional tooling, not part of the library or its tests. Run with Debian's python3-torch:

    /usr/bin/python3 bench/charlm_pytorch.py --steps 1000 --threads 2 --dtype float64

Prints a line per report as the example does: the mean training loss since the last report, the
held-out loss in nats per character, and the median time of a training step so far.
"""
import argparse
import gzip
import math
import time

import torch
import torch.nn as nn

p = argparse.ArgumentParser()
p.add_argument("--steps", type=int, default=1000)
p.add_argument("--batch-size", type=int, default=32)
p.add_argument("--context", type=int, default=64)
p.add_argument("--layers", type=int, default=2)
p.add_argument("--heads", type=int, default=4)
p.add_argument("--d-model", type=int, default=64)
p.add_argument("--lr", type=float, default=3e-3)
p.add_argument("--seed", type=int, default=0)
p.add_argument("--report-every", type=int, default=100)
p.add_argument("--threads", type=int, default=2)
p.add_argument("--dtype", choices=["float32", "float64"], default="float64")
p.add_argument("--text", default="autograd4j-examples/src/main/resources/datasets/sotu-1790-1830.txt.gz")
a = p.parse_args()
torch.set_num_threads(a.threads)
dtype = torch.float32 if a.dtype == "float32" else torch.float64
torch.manual_seed(a.seed)


class JavaRandom:
    """java.util.Random: the same 48-bit LCG and nextInt, so the batches are the example's."""
    MASK = (1 << 48) - 1

    def __init__(self, seed):
        self.seed = ((seed & ((1 << 64) - 1)) ^ 0x5DEECE66D) & self.MASK

    def next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & self.MASK
        return self.seed >> (48 - bits)

    def next_int(self, bound):
        r = self.next(31)
        m = bound - 1
        if bound & m == 0:
            return (bound * r) >> 31
        u = r
        while True:
            r = u % bound
            if u - r + m < (1 << 31):
                return r
            u = self.next(31)


with gzip.open(a.text, "rt", encoding="utf-8") as f:
    text = f.read()
vocab = sorted(set(text))
lookup = {c: i for i, c in enumerate(vocab)}
ids = [lookup[c] for c in text]
split = len(ids) - len(ids) // 10
train, held = ids[:split], ids[split:]


def batch(data, step):
    rng = JavaRandom(a.seed * 1_000_003 + step)
    starts = [rng.next_int(len(data) - a.context) for _ in range(a.batch_size)]
    x = torch.tensor([data[s:s + a.context] for s in starts])
    y = torch.tensor([data[s + 1:s + a.context + 1] for s in starts])
    return x, y


class CharTransformer(nn.Module):
    def __init__(self):
        super().__init__()
        self.token = nn.Embedding(len(vocab), a.d_model)
        self.position = nn.Embedding(a.context, a.d_model)
        self.blocks = nn.ModuleList([nn.TransformerEncoderLayer(a.d_model, a.heads, 4 * a.d_model, dropout=0.0,
                                                                activation="gelu", batch_first=True, norm_first=True)
                                     for _ in range(a.layers)])
        self.norm = nn.LayerNorm(a.d_model)
        self.head = nn.Linear(a.d_model, len(vocab))

    def forward(self, x):
        t = x.shape[1]
        mask = torch.triu(torch.full((t, t), float("-inf"), dtype=dtype), diagonal=1)
        h = self.token(x) + self.position(torch.arange(t))
        for block in self.blocks:
            h = block(h, src_mask=mask)
        return self.head(self.norm(h))


model = CharTransformer().to(dtype)
opt = torch.optim.AdamW(model.parameters(), lr=a.lr)
loss_fn = nn.CrossEntropyLoss()
print(f"charlm (PyTorch {torch.__version__}): {sum(p.numel() for p in model.parameters())} parameters, {len(ids)} characters"
      f" ({len(vocab)} distinct), {a.dtype}, {a.threads} threads")


def held_out_loss():
    windows = min(4 * a.batch_size, len(held) - a.context)
    total, count = 0.0, 0
    with torch.no_grad():
        for first in range(0, windows, a.batch_size):
            n = min(a.batch_size, windows - first)
            starts = [(first + b) * (len(held) - a.context - 1) // max(1, windows - 1) for b in range(n)]
            x = torch.tensor([held[s:s + a.context] for s in starts])
            y = torch.tensor([held[s + 1:s + a.context + 1] for s in starts])
            total += nn.functional.cross_entropy(model(x).permute(0, 2, 1), y, reduction="sum").item()
            count += n * a.context
    return total / count


times, losses = [], []
for step in range(1, a.steps + 1):
    t0 = time.perf_counter()
    x, y = batch(train, step)
    opt.zero_grad()
    loss = loss_fn(model(x).permute(0, 2, 1), y)
    loss.backward()
    opt.step()
    times.append(time.perf_counter() - t0)
    losses.append(loss.item())
    if step % a.report_every == 0 or step == a.steps:
        held_loss = held_out_loss()
        median = sorted(times)[len(times) // 2] * 1000
        recent = losses[-a.report_every:]
        print(f"step {step:5d}/{a.steps}  train {sum(recent) / len(recent):.3f}  held-out {held_loss:.3f} nats/char"
              f" ({held_loss / math.log(2):.2f} bits)  {median:.1f} ms/step", flush=True)
