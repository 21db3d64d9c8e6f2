"""Times the cnn example's model in PyTorch on MNIST, for the README's side-by-side figure: the same
network (conv5-16, batch norm, ReLU, 2x2 max pool, conv5-32, batch norm, ReLU, 2x2 max pool,
fc 128, ReLU, fc 10) in float32, Adam with the same cosine schedule, batches of 64, evaluated on
the test set after every epoch; prints the time of each epoch (evaluation included, as ours) and
the test accuracy.

Run with Debian's python3-torch, with as many threads as autograd4j's GEMM kernel uses:
    /usr/bin/python3 tools/reference/pytorch_cnn_timing.py DIR [epochs] [threads]
where DIR holds MNIST's four IDX files (not gzipped).
"""
import math
import struct
import sys
import time

import torch
from torch import nn

directory = sys.argv[1]
epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
torch.set_num_threads(threads)
torch.manual_seed(0)


def idx(name):
    with open(f"{directory}/{name}", "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = struct.unpack(">" + "I" * dims, raw[4:4 + 4 * dims])
    return torch.frombuffer(bytearray(raw[4 + 4 * dims:]), dtype=torch.uint8).reshape(shape)


x_train = idx("train-images-idx3-ubyte").float().div(255).unsqueeze(1)
y_train = idx("train-labels-idx1-ubyte").long()
x_test = idx("t10k-images-idx3-ubyte").float().div(255).unsqueeze(1)
y_test = idx("t10k-labels-idx1-ubyte").long()

model = nn.Sequential(
    nn.Conv2d(1, 16, 5, padding=2), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(16, 32, 5, padding=2), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(32 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))
lr = 1e-3
optimizer = torch.optim.Adam(model.parameters(), lr=lr)
criterion = nn.CrossEntropyLoss()
for epoch in range(epochs):
    start = time.perf_counter()
    for group in optimizer.param_groups:
        group["lr"] = lr * (1 + math.cos(math.pi * epoch / epochs)) / 2
    model.train()
    order = torch.randperm(len(x_train))
    for i in range(0, len(order), 64):
        batch = order[i:i + 64]
        optimizer.zero_grad()
        loss = criterion(model(x_train[batch]), y_train[batch])
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        correct = sum((model(x_test[i:i + 2048]).argmax(1) == y_test[i:i + 2048]).sum().item() for i in range(0, len(x_test), 2048))
    print(f"pytorch epoch {epoch + 1}/{epochs}: {time.perf_counter() - start:.1f} s, test accuracy {100 * correct / len(x_test):.2f} %",
          flush=True)
