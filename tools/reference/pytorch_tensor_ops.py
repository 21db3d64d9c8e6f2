"""Writes PyTorch's values, gradients and second derivatives of every differentiable Tensor
operation of autograd4j-core (and the values of the comparisons and arg-reductions), in float64
and float32, for TensorOpsParityTest. No torch at test time: the output is committed as data.

Run with Debian's python3-torch (torch 1.13):
    /usr/bin/python3 tools/reference/pytorch_tensor_ops.py autograd4j-core/src/test/resources/io/github/autograd4j/pytorch/tensor_ops.txt

Format (TorchReference): one tensor a line, "name<TAB>sizes (comma-separated, empty for a
scalar)<TAB>values" with the values row-major, space-separated, as Python's repr (which reads back
exactly). Per case and type ("f64", "f32"): the operands x0, x1, ...; for a differentiable case the
upstream gradient, the output, the gradients grad0, ...; the vectors r0, ... and the second
derivatives second0, ... of sum_k <grad_k, r_k> with respect to the operands (zeros where the
gradient does not depend on them). Index and condition tensors ("<case>.index") are shared by both
types. The operands are drawn from each case's domain: away from kinks (abs, relu, max), positive
where the op needs it (log, sqrt, pow), well conditioned for the decompositions.
"""
import sys

import torch
import torch.nn.functional as F

torch.manual_seed(20261203)
lines = ["# torch " + torch.__version__ + ", tools/reference/pytorch_tensor_ops.py"]


def put(name, t):
    t = t.detach().contiguous().clone()
    values = " ".join(repr(v) for v in t.double().flatten().tolist())
    lines.append(name + "\t" + ",".join(str(s) for s in t.shape) + "\t" + values)


def draw(shape, domain):
    x = torch.randn(*shape, dtype=torch.float64)
    if domain == "pos":  # in [0.5, 2.5)
        return torch.rand(*shape, dtype=torch.float64) * 2 + 0.5
    if domain == "away":  # |x| in [0.2, 1.7), either sign: away from the kinks at 0
        return (torch.rand(*shape, dtype=torch.float64) * 1.5 + 0.2) * torch.where(x < 0, -1.0, 1.0)
    if domain == "int":  # small integers, so that comparisons see ties
        return torch.randint(-2, 3, shape).double()
    if domain == "unit":  # in (-0.9, 0.9)
        return torch.rand(*shape, dtype=torch.float64) * 1.8 - 0.9
    if domain == "wellcond":  # a square matrix (or batch) near 3 I
        n = shape[-1]
        return x * 0.5 + 3 * torch.eye(n, dtype=torch.float64)
    if domain == "spread":  # distinct values at least 0.1 apart, in random order (max, min, sort-free ties)
        n = 1
        for s in shape:
            n *= s
        return (torch.randperm(n).double() * 0.1 - 0.05 * n).reshape(shape)
    return x


# name: (function of the operands and the index tensors, operand shapes and domains, index tensors)
idx_gather = torch.tensor([[0, 2, 2, 1], [1, 0, 0, 2], [2, 2, 1, 0]])
idx_scatter = torch.tensor([[0, 1, 0], [2, 0, 1]])
cond = torch.tensor([[1, 0, 1], [0, 0, 1]])
mask = torch.tensor([[True, False, False], [False, True, False]])
CASES = {
    # arithmetic, broadcasting both ways
    "add": (lambda x: x[0] + x[1], [((2, 3, 4), "any"), ((3, 1), "any")]),
    "sub": (lambda x: x[0] - x[1], [((2, 3), "any"), ((2, 1, 3), "any")]),
    "mul": (lambda x: x[0] * x[1], [((4, 1, 3), "any"), ((2, 3), "any")]),
    "div": (lambda x: x[0] / x[1], [((2, 3), "any"), ((3,), "away")]),
    "powTensor": (lambda x: x[0] ** x[1], [((2, 3), "pos"), ((3,), "any")]),
    "maximum": (lambda x: torch.maximum(x[0], x[1]), [((3, 4), "any"), ((4,), "any")]),
    "minimum": (lambda x: torch.minimum(x[0], x[1]), [((3, 4), "any"), ((3, 1), "any")]),
    "where": (lambda x: torch.where(cond.bool(), x[0], x[1]), [((2, 3), "any"), ((3,), "any")]),
    "maskedFill": (lambda x: x[0].masked_fill(mask, 0.5), [((2, 3), "any")]),
    "addScalar": (lambda x: x[0] + 2.5, [((2, 3), "any")]),
    "mulScalar": (lambda x: x[0] * -1.5, [((2, 3), "any")]),
    "divScalar": (lambda x: x[0] / 4.0, [((2, 3), "any")]),
    # unary
    "neg": (lambda x: -x[0], [((2, 3), "any")]),
    "exp": (lambda x: x[0].exp(), [((2, 3, 2), "any")]),
    "log": (lambda x: x[0].log(), [((2, 3), "pos")]),
    "log1p": (lambda x: x[0].log1p(), [((2, 3), "pos")]),
    "expm1": (lambda x: x[0].expm1(), [((2, 3), "any")]),
    "sqrt": (lambda x: x[0].sqrt(), [((2, 3), "pos")]),
    "rsqrt": (lambda x: x[0].rsqrt(), [((2, 3), "pos")]),
    "abs": (lambda x: x[0].abs(), [((2, 3), "away")]),
    "sign": (lambda x: x[0].sign(), [((2, 3), "away")]),
    "sin": (lambda x: x[0].sin(), [((2, 3), "any")]),
    "cos": (lambda x: x[0].cos(), [((2, 3), "any")]),
    "tanh": (lambda x: x[0].tanh(), [((2, 3), "any")]),
    "sigmoid": (lambda x: x[0].sigmoid(), [((2, 3), "any")]),
    "relu": (lambda x: x[0].relu(), [((2, 3), "away")]),
    "leakyRelu": (lambda x: F.leaky_relu(x[0], 0.1), [((2, 3), "away")]),
    "elu": (lambda x: F.elu(x[0], 0.5), [((2, 3), "away")]),
    "gelu": (lambda x: F.gelu(x[0]), [((2, 3), "any")]),
    "softplus": (lambda x: F.softplus(x[0]), [((2, 3), "any")]),
    "clamp": (lambda x: x[0].clamp(-0.5, 0.5), [((3, 4), "away")]),
    "powScalar": (lambda x: x[0] ** 3, [((2, 3), "any")]),
    "powFractional": (lambda x: x[0] ** 2.5, [((2, 3), "pos")]),
    # reductions
    "sum": (lambda x: x[0].sum(), [((2, 3, 4), "any")]),
    "sumDimKeep": (lambda x: x[0].sum(1, keepdim=True), [((2, 3, 4), "any")]),
    "sumDims": (lambda x: x[0].sum((0, 2)), [((2, 3, 4), "any")]),
    "mean": (lambda x: x[0].mean(), [((2, 3, 4), "any")]),
    "meanDim": (lambda x: x[0].mean(-1), [((2, 3, 4), "any")]),
    "prod": (lambda x: x[0].prod(), [((2, 3), "away")]),
    "prodDim": (lambda x: x[0].prod(1), [((2, 3, 2), "away")]),
    "max": (lambda x: x[0].max(), [((3, 4), "spread")]),
    "maxDim": (lambda x: x[0].max(1).values, [((3, 4), "spread")]),
    "minDimKeep": (lambda x: x[0].min(0, keepdim=True).values, [((3, 4), "spread")]),
    "var": (lambda x: x[0].var(), [((3, 4), "any")]),
    "varDim": (lambda x: x[0].var(1), [((3, 4), "any")]),
    "varCorrection0": (lambda x: x[0].var((0, 1), unbiased=False), [((2, 3, 2), "any")]),
    "std": (lambda x: x[0].std(), [((3, 4), "any")]),
    "stdDim": (lambda x: x[0].std(0), [((3, 4), "any")]),
    "norm": (lambda x: x[0].norm(), [((3, 4), "any")]),
    "norm1Dim": (lambda x: x[0].norm(1, dim=1), [((3, 4), "away")]),
    "norm3": (lambda x: x[0].norm(3), [((3, 4), "away")]),
    "logSumExp": (lambda x: x[0].logsumexp(1), [((3, 4), "any")]),
    "softmax": (lambda x: x[0].softmax(1), [((2, 3, 4), "any")]),
    "logSoftmax": (lambda x: x[0].log_softmax(-1), [((2, 3, 4), "any")]),
    # products
    "matmul": (lambda x: x[0] @ x[1], [((3, 4), "any"), ((4, 5), "any")]),
    "matmulBatched": (lambda x: x[0] @ x[1], [((2, 1, 3, 4), "any"), ((3, 4, 2), "any")]),
    "matmulVectorMatrix": (lambda x: x[0] @ x[1], [((4,), "any"), ((4, 3), "any")]),
    "matmulMatrixVector": (lambda x: x[0] @ x[1], [((3, 4), "any"), ((4,), "any")]),
    "linear": (lambda x: F.linear(x[0], x[1], x[2]), [((5, 4), "any"), ((3, 4), "any"), ((3,), "any")]),
    "dot": (lambda x: x[0].dot(x[1]), [((5,), "any"), ((5,), "any")]),
    "outer": (lambda x: torch.outer(x[0], x[1]), [((3,), "any"), ((4,), "any")]),
    # decompositions
    "inv": (lambda x: x[0].inverse(), [((3, 3), "wellcond")]),
    "invBatched": (lambda x: x[0].inverse(), [((2, 3, 3), "wellcond")]),
    "det": (lambda x: x[0].det(), [((3, 3), "wellcond")]),
    "logDet": (lambda x: x[0].logdet(), [((3, 3), "wellcond")]),
    "solve": (lambda x: torch.linalg.solve(x[0], x[1]), [((3, 3), "wellcond"), ((3, 2), "any")]),
    "cholesky": (lambda x: torch.linalg.cholesky(x[0] @ x[0].mT + 3 * torch.eye(3, dtype=x[0].dtype)), [((3, 3), "any")]),
    # movement and indexing
    "reshape": (lambda x: x[0].reshape(3, 8), [((2, 3, 4), "any")]),
    "flatten": (lambda x: x[0].flatten(1, 2), [((2, 3, 4), "any")]),
    "squeeze": (lambda x: x[0].squeeze(1), [((2, 1, 3), "any")]),
    "unsqueeze": (lambda x: x[0].unsqueeze(0), [((2, 3), "any")]),
    "transpose": (lambda x: x[0].transpose(0, 2), [((2, 3, 4), "any")]),
    "permute": (lambda x: x[0].permute(2, 0, 1), [((2, 3, 4), "any")]),
    "reverseDims": (lambda x: x[0].permute(2, 1, 0), [((2, 3, 4), "any")]),
    "t": (lambda x: x[0].t(), [((2, 3), "any")]),
    "repeat": (lambda x: x[0].repeat(2, 1, 3), [((2, 3), "any")]),
    "expand": (lambda x: x[0].expand(2, 3, 4), [((3, 1), "any")]),
    "clone": (lambda x: x[0].clone(), [((2, 3), "any")]),
    "slice": (lambda x: x[0][:, 1:4:2], [((3, 5), "any")]),
    "select": (lambda x: x[0].select(1, 2), [((2, 3, 4), "any")]),
    "indexSelect": (lambda x: x[0].index_select(0, torch.tensor([2, 0, 2])), [((3, 4), "any")]),
    "gather": (lambda x: x[0].gather(1, idx_gather), [((3, 3), "any")]),
    "scatterAdd": (lambda x: x[0].scatter_add(0, idx_scatter, x[1]), [((3, 3), "any"), ((2, 3), "any")]),
    "cat": (lambda x: torch.cat([x[0], x[1]], 1), [((2, 3), "any"), ((2, 2), "any")]),
    "stack": (lambda x: torch.stack([x[0], x[1]], 1), [((2, 3), "any"), ((2, 3), "any")]),
}
# outputs only: no gradient
DISCRETE = {
    "eq": (lambda x: (x[0] == x[1]).double(), [((3, 4), "int"), ((4,), "int")]),
    "ne": (lambda x: (x[0] != x[1]).double(), [((3, 4), "int"), ((4,), "int")]),
    "lt": (lambda x: (x[0] < x[1]).double(), [((3, 4), "int"), ((3, 1), "int")]),
    "le": (lambda x: (x[0] <= x[1]).double(), [((3, 4), "int"), ((3, 1), "int")]),
    "gt": (lambda x: (x[0] > x[1]).double(), [((3, 4), "int"), ((4,), "int")]),
    "ge": (lambda x: (x[0] >= x[1]).double(), [((3, 4), "int"), ((4,), "int")]),
    "argmax": (lambda x: x[0].argmax(1).double(), [((3, 4), "spread")]),
    "argmin": (lambda x: x[0].argmin().double(), [((3, 4), "spread")]),
}

put("gather.index", idx_gather)
put("scatterAdd.index", idx_scatter)
put("where.index", cond)
put("maskedFill.index", mask.long())

for dtype, tag in ((torch.float64, "f64"), (torch.float32, "f32")):
    for name, (fn, specs) in DISCRETE.items():
        xs = [draw(shape, domain).to(dtype) for shape, domain in specs]
        for k, x in enumerate(xs):
            put(f"{name}.{tag}.x{k}", x)
        put(f"{name}.{tag}.out", fn(xs))
    for name, (fn, specs) in CASES.items():
        xs = [draw(shape, domain).to(dtype).requires_grad_() for shape, domain in specs]
        out = fn(xs)
        upstream = torch.randn(out.shape, dtype=torch.float64).to(dtype)
        grads = torch.autograd.grad(out, xs, upstream, create_graph=True, allow_unused=True)
        grads = [torch.zeros_like(x) if g is None else g for g, x in zip(grads, xs)]
        rs = [torch.randn(x.shape, dtype=torch.float64).to(dtype) for x in xs]
        s = sum((g * r).sum() for g, r in zip(grads, rs))
        if s.requires_grad:
            seconds = torch.autograd.grad(s, xs, allow_unused=True)
            seconds = [torch.zeros_like(x) if g is None else g for g, x in zip(seconds, xs)]
        else:
            seconds = [torch.zeros_like(x) for x in xs]
        for k, x in enumerate(xs):
            put(f"{name}.{tag}.x{k}", x)
            put(f"{name}.{tag}.grad{k}", grads[k])
            put(f"{name}.{tag}.r{k}", rs[k])
            put(f"{name}.{tag}.second{k}", seconds[k])
        put(f"{name}.{tag}.upstream", upstream)
        put(f"{name}.{tag}.out", out)

with open(sys.argv[1], "w") as f:
    f.write("\n".join(lines) + "\n")
