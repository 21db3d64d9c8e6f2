"""Writes PyTorch's values, gradients and second derivatives of embedding, one_hot, layer_norm and
scaled dot-product attention on fixed inputs, for the parity tests of autograd4j-core
(SequenceOpsParityTest). No torch at test time: the output is committed as data.

Run with Debian's python3-torch (torch 1.13, which has no F.scaled_dot_product_attention yet, so
attention is written out as softmax(q k^T / sqrt(E) + mask) v, the formula of its later docs):
    /usr/bin/python3 tools/reference/pytorch_seq_ops.py autograd4j-core/src/test/resources/io/github/autograd4j/pytorch/seq_ops.txt

Format: one tensor a line, "name<TAB>sizes (comma-separated, empty for a scalar)<TAB>values" with
the values row-major, space-separated, as Python's repr (which reads back exactly).
"""
import math
import sys

import torch
import torch.nn.functional as F

torch.manual_seed(0)
lines = []


def put(name, t):
    t = t.detach()
    values = " ".join(repr(v) for v in t.double().flatten().tolist())
    lines.append(name + "\t" + ",".join(str(s) for s in t.shape) + "\t" + values)


def grads_of(out, inputs, upstream, create_graph=False):
    return torch.autograd.grad(out, inputs, upstream, create_graph=create_graph, allow_unused=True)


for dtype, tag in ((torch.float64, "f64"), (torch.float32, "f32")):
    # ---- embedding, repeats and a padding row
    weight = torch.randn(5, 3, dtype=dtype, requires_grad=True)
    idx = torch.tensor([[0, 2, 1], [2, 4, 2]])
    g = torch.randn(2, 3, 3, dtype=dtype, requires_grad=True)
    out = F.embedding(idx, weight, padding_idx=1)
    (gw,) = grads_of(out, [weight], g, create_graph=True)
    r = torch.randn(5, 3, dtype=dtype)
    (ggrad,) = torch.autograd.grad((gw * r).sum(), [g])
    for n, t in (("weight", weight), ("indices", idx), ("upstream", g), ("out", out), ("grad_weight", gw),
                 ("second_r", r), ("second_grad_upstream", ggrad)):
        put("embedding." + tag + "." + n, t)

    # ---- one_hot
    put("oneHot." + tag + ".out", F.one_hot(torch.tensor([[3, 0], [1, 3]]), 5))

    # ---- layer_norm over the last two dims, affine, and over the last dim without affine
    x = torch.randn(2, 3, 4, 5, dtype=dtype, requires_grad=True)
    w = torch.randn(4, 5, dtype=dtype, requires_grad=True)
    b = torch.randn(4, 5, dtype=dtype, requires_grad=True)
    out = F.layer_norm(x, (4, 5), w, b, 1e-5)
    g = torch.randn(2, 3, 4, 5, dtype=dtype)
    gx, gw, gb = grads_of(out, [x, w, b], g, create_graph=True)
    r1 = torch.randn_like(x)
    r2 = torch.randn_like(w)
    s = (gx * r1).sum() + (gw * r2).sum()
    sx, sw = torch.autograd.grad(s, [x, w])
    for n, t in (("x", x), ("weight", w), ("bias", b), ("upstream", g), ("out", out), ("grad_x", gx), ("grad_weight", gw),
                 ("grad_bias", gb), ("second_r_x", r1), ("second_r_weight", r2), ("second_grad_x", sx), ("second_grad_weight", sw)):
        put("layerNorm." + tag + "." + n, t)
    out = F.layer_norm(x, (5,), None, None, 1e-5)
    (gx,) = grads_of(out, [x], g)
    put("layerNormPlain." + tag + ".out", out)
    put("layerNormPlain." + tag + ".grad_x", gx)

    # ---- attention: batch (2, 3 heads), L = 4, S = 6, E = 5, Ev = 7, an additive mask, and causal
    q = torch.randn(2, 3, 4, 5, dtype=dtype, requires_grad=True)
    k = torch.randn(2, 3, 6, 5, dtype=dtype, requires_grad=True)
    v = torch.randn(2, 3, 6, 7, dtype=dtype, requires_grad=True)
    mask = torch.zeros(4, 6, dtype=dtype)
    mask[0, 5] = -math.inf
    mask[2, 1] = -0.5
    causal = torch.ones(4, 6, dtype=torch.bool).tril()
    scores = q @ k.transpose(-2, -1) / math.sqrt(5) + mask
    scores = scores.masked_fill(~causal, -math.inf)
    out = torch.softmax(scores, -1) @ v
    g = torch.randn(2, 3, 4, 7, dtype=dtype)
    gq, gk, gv = grads_of(out, [q, k, v], g, create_graph=True)
    r = torch.randn_like(q)
    sq, sk, sv = torch.autograd.grad((gq * r).sum(), [q, k, v])
    for n, t in (("q", q), ("k", k), ("v", v), ("mask", mask), ("upstream", g), ("out", out), ("grad_q", gq), ("grad_k", gk),
                 ("grad_v", gv), ("second_r_q", r), ("second_grad_q", sq), ("second_grad_k", sk), ("second_grad_v", sv)):
        put("attention." + tag + "." + n, t)

with open(sys.argv[1], "w") as f:
    f.write("# torch " + torch.__version__ + ", tools/reference/pytorch_seq_ops.py\n")
    f.write("\n".join(lines) + "\n")
