"""Writes PyTorch's cross-entropy and NLL losses and their gradients with class weights,
ignore_index, label smoothing and (N, C, L) inputs, for ClassLossParityTest (autograd4j-nn). No
torch at test time: the output is committed as data, in the format of pytorch_seq_ops.py.

    /usr/bin/python3 tools/reference/pytorch_class_losses.py autograd4j-nn/src/test/resources/io/github/autograd4j/nn/pytorch/class_losses.txt
"""
import sys

import torch
import torch.nn.functional as F

torch.manual_seed(1)
lines = []


def put(name, t):
    t = torch.as_tensor(t).detach()
    lines.append(name + "\t" + ",".join(str(s) for s in t.shape) + "\t" + " ".join(repr(v) for v in t.double().flatten().tolist()))


def case(name, fn, x, target, dtype, **kw):
    x = x.to(dtype).detach().requires_grad_(True)
    put(name + ".input", x)
    put(name + ".target", target)
    if "weight" in kw and kw["weight"] is not None:
        kw["weight"] = kw["weight"].to(dtype)
        put(name + ".weight", kw["weight"])
    for reduction in ("mean", "sum", "none"):
        out = fn(x, target, reduction=reduction, **kw)
        put(name + "." + reduction, out)
        (g,) = torch.autograd.grad(out.sum(), [x])
        put(name + "." + reduction + ".grad", g)


for dtype, tag in ((torch.float64, "f64"), (torch.float32, "f32")):
    w5 = torch.tensor([0.5, 2.0, 1.0, 0.25, 3.0])
    # (N, C) with weights, an ignored target (2) and label smoothing
    case("ce2d." + tag, F.cross_entropy, torch.randn(6, 5) * 3, torch.tensor([0, 2, 4, 1, 2, 3]), dtype,
         weight=w5, ignore_index=2, label_smoothing=0.1)
    # (N, C, L) with the default ignore_index (-100) present, weights and smoothing
    case("ce3d." + tag, F.cross_entropy, torch.randn(2, 5, 3), torch.tensor([[1, -100, 4], [0, 3, -100]]), dtype,
         weight=w5, label_smoothing=0.2)
    # (N, C, L) without weights, one ignored place
    case("ce3dPlain." + tag, F.cross_entropy, torch.randn(2, 5, 3), torch.tensor([[1, -100, 4], [0, 3, 3]]), dtype)
    # probabilities of (N, C, L) with weights and smoothing
    case("ceProb." + tag, F.cross_entropy, torch.randn(2, 5, 3), torch.softmax(torch.randn(2, 5, 3), 1).to(dtype), dtype,
         weight=w5, label_smoothing=0.1)
    # NLL on (N, C, L) log-probabilities with weights and an ignored index
    case("nll3d." + tag, F.nll_loss, torch.log_softmax(torch.randn(3, 5, 4), 1),
         torch.tensor([[0, 1, 2, 3], [4, 0, 0, 1], [2, 2, 3, 4]]), dtype, weight=w5, ignore_index=0)

with open(sys.argv[1], "w") as f:
    f.write("# torch " + torch.__version__ + ", tools/reference/pytorch_class_losses.py\n")
    f.write("\n".join(lines) + "\n")
