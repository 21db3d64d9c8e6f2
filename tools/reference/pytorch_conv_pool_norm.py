"""Writes PyTorch's values, gradients and second derivatives of the convolution, pooling and
normalisation ops (conv1d, conv2d, conv_transpose2d, max_pool2d, avg_pool2d,
adaptive_avg_pool2d, batch_norm, group_norm), for autograd4j-core's ConvPoolNormParityTest.

Run once with Debian's python3-torch (never a dependency of the library or its tests):
    /usr/bin/python3 tools/reference/pytorch_conv_pool_norm.py \
        autograd4j-core/src/test/resources/io/github/autograd4j/ops/pytorch/conv_pool_norm.txt

Each case is a block of lines; a tensor line is `<kind> <name> <shape...> : <values...>`, values
as Python's repr of the float64 value (exact; float32 values are widened exactly):
    case <name> <float64|float32>
    op <op>
    set <key> <value...>        settings: ints, a string, true/false, a float, or none
    in <name> <0|1> <shape> : ...   an operand, 1 when it is differentiated
    cot <shape> : ...           the cotangent c: gradients are those of sum(out * c)
    out <shape> : ...           the op's output
    grad <name> <shape> : ...   d sum(out * c) / d operand
    vec <name> <shape> : ...    float64: a vector per differentiated operand, v
    gg <name> <shape> : ...     float64: d sum(grad . v) / d operand (second order), when PyTorch has it
    after <name> <shape> : ...  a running statistic after the call (batch_norm in training)
    end
"""
import sys

import torch
import torch.nn.functional as F

torch.manual_seed(0)
out = open(sys.argv[1], "w")


def tensor_line(kind, name, t):
    t = t.detach().to(torch.float64).contiguous()
    shape = " ".join(str(s) for s in t.shape)
    values = " ".join(repr(v) for v in t.flatten().tolist())
    head = kind if name is None else kind + " " + name
    out.write(f"{head} {shape} : {values}\n" if shape else f"{head} : {values}\n")


def setting(key, value):
    if value is None:
        text = "none"
    elif isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (list, tuple)):
        text = " ".join(str(v) for v in value)
    else:
        text = str(value)
    out.write(f"set {key} {text}\n")


def case(name, op, fn, operands, settings, dtype=torch.float64, second_order=True, after=None):
    """operands: list of (name, tensor or None, differentiated)."""
    out.write(f"case {name} {'float32' if dtype == torch.float32 else 'float64'}\n")
    out.write(f"op {op}\n")
    for key, value in settings.items():
        setting(key, value)
    leaves = []
    for n, t, diff in operands:
        if t is None:
            out.write(f"set {n} none\n")
            leaves.append(None)
            continue
        t = t.to(dtype).clone().requires_grad_(diff)
        tensor_line("in", n + (" 1" if diff else " 0"), t)
        leaves.append(t)
    diffs = [(n, t) for (n, _, d), t in zip(operands, leaves) if d and t is not None]
    states = [t.clone() if t is not None and not d else None for (_, _, d), t in zip(operands, leaves)]
    y = fn(*[s if s is not None else t for s, t in zip(states, leaves)]) if after else fn(*leaves)
    cot = torch.randn(y.shape, dtype=torch.float64).to(dtype)
    tensor_line("cot", None, cot)
    tensor_line("out", None, y)
    grads = torch.autograd.grad((y * cot).sum(), [t for _, t in diffs], create_graph=dtype == torch.float64)
    for (n, _), g in zip(diffs, grads):
        tensor_line("grad", n, g)
    if after:
        for n in after:
            i = [o[0] for o in operands].index(n)
            tensor_line("after", n, states[i])
    if dtype == torch.float64 and second_order:
        vecs = [torch.randn(g.shape, dtype=torch.float64) for g in grads]
        for (n, _), v in zip(diffs, vecs):
            tensor_line("vec", n, v)
        total = sum((g * v).sum() for g, v in zip(grads, vecs))
        try:
            # a gradient that does not depend on the operands (a linear op's) has zero second derivatives
            second = torch.autograd.grad(total, [t for _, t in diffs], allow_unused=True) if total.requires_grad \
                else [None] * len(diffs)
        except RuntimeError as e:  # no double backward for this op in this version of PyTorch
            out.write(f"# no second order: {str(e).splitlines()[0]}\n")
            second = None
        for (n, t), s in zip(diffs, second or []):
            tensor_line("gg", n, s if s is not None else torch.zeros_like(t))
    out.write("end\n")


def randn(*shape):
    return torch.randn(*shape, dtype=torch.float64)


# ---------------------------------------------------------------- convolutions

def conv1d_case(name, x, w, b, stride=1, padding=0, dilation=1, groups=1, dtype=torch.float64):
    ops = [("input", x, True), ("weight", w, True), ("bias", b, True)]
    case(name, "conv1d", lambda x, w, b: F.conv1d(x, w, b, stride, padding, dilation, groups), ops,
         {"stride": [stride], "padding": padding if isinstance(padding, str) else [padding],
          "dilation": [dilation], "groups": groups}, dtype)


def conv2d_case(name, x, w, b, stride=(1, 1), padding=(0, 0), dilation=(1, 1), groups=1, dtype=torch.float64):
    ops = [("input", x, True), ("weight", w, True), ("bias", b, True)]
    case(name, "conv2d", lambda x, w, b: F.conv2d(x, w, b, stride, padding, dilation, groups), ops,
         {"stride": stride, "padding": padding, "dilation": dilation, "groups": groups}, dtype)


def conv_transpose2d_case(name, x, w, b, stride=(1, 1), padding=(0, 0), output_padding=(0, 0), groups=1,
                          dilation=(1, 1), dtype=torch.float64):
    ops = [("input", x, True), ("weight", w, True), ("bias", b, True)]
    case(name, "convTranspose2d",
         lambda x, w, b: F.conv_transpose2d(x, w, b, stride, padding, output_padding, groups, dilation), ops,
         {"stride": stride, "padding": padding, "outputPadding": output_padding, "groups": groups,
          "dilation": dilation}, dtype)


conv1d_case("conv1d basic", randn(2, 3, 7), randn(4, 3, 3), randn(4))
conv1d_case("conv1d stride 2 padding 1 dilation 2", randn(2, 3, 9), randn(4, 3, 3), randn(4), 2, 1, 2)
conv1d_case("conv1d groups 3 without bias", randn(2, 6, 8), randn(6, 2, 3), None, groups=3)
conv1d_case("conv1d same even kernel", randn(2, 2, 7), randn(3, 2, 4), randn(3), padding="same")
conv1d_case("conv1d same dilation 2", randn(1, 2, 6), randn(2, 2, 3), randn(2), padding="same", dilation=2)
conv1d_case("conv1d valid", randn(1, 2, 6), randn(2, 2, 3), randn(2), padding="valid")
conv1d_case("conv1d unbatched", randn(3, 7), randn(4, 3, 3), randn(4))
conv2d_case("conv2d basic", randn(2, 3, 6, 5), randn(4, 3, 3, 2), randn(4))
conv2d_case("conv2d stride padding dilation", randn(2, 2, 7, 8), randn(3, 2, 3, 3), randn(3), (2, 1), (1, 2), (1, 2))
conv2d_case("conv2d groups 2 without bias", randn(2, 4, 5, 5), randn(6, 2, 2, 3), None, groups=2)
conv2d_case("conv2d depthwise", randn(2, 3, 5, 4), randn(3, 1, 3, 3), randn(3), padding=(1, 1), groups=3)
conv2d_case("conv2d same asymmetric", randn(1, 2, 5, 6), randn(2, 2, 4, 3), randn(2), padding="same")
conv2d_case("conv2d same dilated", randn(1, 2, 6, 6), randn(2, 2, 3, 2), randn(2), padding="same", dilation=(2, 3))
conv2d_case("conv2d unbatched", randn(2, 5, 5), randn(3, 2, 3, 3), randn(3), padding=(1, 1))
conv_transpose2d_case("convTranspose2d basic", randn(2, 3, 4, 3), randn(3, 2, 3, 2), randn(2))
conv_transpose2d_case("convTranspose2d stride 2 padding 1 output padding 1", randn(2, 2, 3, 4), randn(2, 3, 3, 3),
                      randn(3), (2, 2), (1, 1), (1, 1))
conv_transpose2d_case("convTranspose2d groups dilation", randn(1, 4, 3, 3), randn(4, 1, 2, 3), None, (2, 3), (1, 0),
                      (1, 0), 2, (2, 1))
conv_transpose2d_case("convTranspose2d unbatched", randn(2, 3, 3), randn(2, 2, 2, 2), randn(2), (2, 2))
conv1d_case("conv1d float32", randn(2, 3, 9), randn(4, 3, 3), randn(4), 2, 1, 1, dtype=torch.float32)
conv2d_case("conv2d float32", randn(2, 3, 8, 8), randn(4, 3, 3, 3), randn(4), (1, 1), (1, 1), dtype=torch.float32)
conv2d_case("conv2d float32 groups", randn(2, 4, 6, 6), randn(4, 2, 3, 3), None, (2, 2), (1, 1), groups=2,
            dtype=torch.float32)
conv_transpose2d_case("convTranspose2d float32", randn(2, 3, 4, 4), randn(3, 2, 3, 3), randn(2), (2, 2), (1, 1), (1, 1),
                      dtype=torch.float32)

# ---------------------------------------------------------------- pooling


def max_pool_case(name, x, kernel, stride=None, padding=(0, 0), dilation=(1, 1), ceil_mode=False, dtype=torch.float64):
    stride = kernel if stride is None else stride
    case(name, "maxPool2d", lambda x: F.max_pool2d(x, kernel, stride, padding, dilation, ceil_mode), [("input", x, True)],
         {"kernel": kernel, "stride": stride, "padding": padding, "dilation": dilation, "ceilMode": ceil_mode}, dtype)


def avg_pool_case(name, x, kernel, stride=None, padding=(0, 0), ceil_mode=False, count_include_pad=True,
                  dtype=torch.float64):
    stride = kernel if stride is None else stride
    case(name, "avgPool2d", lambda x: F.avg_pool2d(x, kernel, stride, padding, ceil_mode, count_include_pad),
         [("input", x, True)], {"kernel": kernel, "stride": stride, "padding": padding, "ceilMode": ceil_mode,
                                "countIncludePad": count_include_pad}, dtype)


def adaptive_case(name, x, size, dtype=torch.float64):
    case(name, "adaptiveAvgPool2d", lambda x: F.adaptive_avg_pool2d(x, size), [("input", x, True)],
         {"outputSize": size}, dtype)


ties = torch.tensor([[1., 3., 3., 2.], [3., 0., 1., 3.], [2., 2., 2., 2.], [0., 5., 5., 1.]], dtype=torch.float64)
max_pool_case("maxPool2d kernel 2", randn(2, 3, 6, 6), (2, 2))
max_pool_case("maxPool2d kernel 3 stride 2 padding 1", randn(1, 2, 7, 6), (3, 3), (2, 2), (1, 1))
max_pool_case("maxPool2d dilation 2 ceil mode", randn(1, 2, 8, 7), (2, 3), (2, 2), (1, 1), (2, 1), True)
max_pool_case("maxPool2d ceil mode past the end", randn(1, 1, 5, 5), (2, 2), (2, 2), (0, 0), (1, 1), True)
max_pool_case("maxPool2d ties go to the first index", ties.reshape(1, 1, 4, 4), (2, 2), (1, 1))
max_pool_case("maxPool2d unbatched", randn(2, 4, 5), (2, 2), (1, 2))
avg_pool_case("avgPool2d kernel 2", randn(2, 3, 6, 6), (2, 2))
avg_pool_case("avgPool2d padding counted", randn(1, 2, 7, 6), (3, 3), (2, 2), (1, 1))
avg_pool_case("avgPool2d padding not counted", randn(1, 2, 7, 6), (3, 3), (2, 2), (1, 1), False, False)
avg_pool_case("avgPool2d ceil mode counted", randn(1, 2, 6, 7), (3, 2), (2, 2), (1, 1), True, True)
avg_pool_case("avgPool2d ceil mode not counted", randn(1, 2, 6, 7), (3, 2), (2, 2), (1, 1), True, False)
avg_pool_case("avgPool2d unbatched", randn(2, 5, 4), (2, 2), (1, 1))
adaptive_case("adaptiveAvgPool2d uneven", randn(2, 2, 5, 7), (3, 4))
adaptive_case("adaptiveAvgPool2d even", randn(1, 3, 6, 6), (2, 3))
adaptive_case("adaptiveAvgPool2d global", randn(2, 3, 4, 5), (1, 1))
adaptive_case("adaptiveAvgPool2d larger than the input", randn(1, 1, 3, 2), (5, 4))
adaptive_case("adaptiveAvgPool2d unbatched", randn(2, 5, 5), (2, 2))
max_pool_case("maxPool2d float32", randn(2, 3, 6, 6), (3, 3), (2, 2), (1, 1), dtype=torch.float32)
avg_pool_case("avgPool2d float32", randn(2, 3, 6, 6), (3, 3), (2, 2), (1, 1), False, False, dtype=torch.float32)
adaptive_case("adaptiveAvgPool2d float32", randn(2, 3, 7, 5), (3, 2), dtype=torch.float32)

# ---------------------------------------------------------------- normalisation


def batch_norm_case(name, x, training, momentum=0.1, eps=1e-5, affine=True, stats=True, dtype=torch.float64):
    c = x.shape[1]
    mean = randn(c) * 0.1 if stats else None
    var = (randn(c) * 0.1).abs() + 1 if stats else None
    w = randn(c) if affine else None
    b = randn(c) if affine else None
    ops = [("input", x, True), ("runningMean", mean, False), ("runningVar", var, False),
           ("weight", w, True), ("bias", b, True)]
    case(name, "batchNorm", lambda x, m, v, w, b: F.batch_norm(x, m, v, w, b, training, momentum, eps), ops,
         {"training": training, "momentum": momentum, "eps": eps}, dtype,
         after=["runningMean", "runningVar"] if stats and training else None)


def group_norm_case(name, x, groups, affine=True, eps=1e-5, dtype=torch.float64):
    c = x.shape[1]
    ops = [("input", x, True), ("weight", randn(c) if affine else None, True), ("bias", randn(c) if affine else None, True)]
    case(name, "groupNorm", lambda x, w, b: F.group_norm(x, groups, w, b, eps), ops, {"groups": groups, "eps": eps}, dtype)


batch_norm_case("batchNorm training 2-d", randn(6, 3), True)
batch_norm_case("batchNorm training 3-d", randn(3, 2, 4), True, momentum=0.3)
batch_norm_case("batchNorm training 4-d", randn(2, 3, 3, 2), True)
batch_norm_case("batchNorm training without affine", randn(2, 2, 3, 3), True, affine=False, eps=1e-3)
batch_norm_case("batchNorm training without running statistics", randn(4, 3, 2), True, stats=False)
batch_norm_case("batchNorm eval", randn(2, 3, 2, 2), False)
batch_norm_case("batchNorm eval without affine", randn(4, 3), False, affine=False)
group_norm_case("groupNorm 4-d", randn(2, 6, 3, 3), 3)
group_norm_case("groupNorm 3-d", randn(2, 4, 5), 2, eps=1e-3)
group_norm_case("groupNorm one group", randn(2, 3, 2, 2), 1)
group_norm_case("groupNorm a group per channel without affine", randn(3, 4, 3), 4, affine=False)
batch_norm_case("batchNorm float32 training", randn(4, 3, 3, 3), True, dtype=torch.float32)
batch_norm_case("batchNorm float32 eval", randn(4, 3, 3, 3), False, dtype=torch.float32)
group_norm_case("groupNorm float32", randn(2, 6, 4, 4), 2, dtype=torch.float32)

out.write(f"# torch {torch.__version__}\n")
out.close()
