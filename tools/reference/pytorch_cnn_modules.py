"""Writes two small models of PyTorch's convolution, pooling and normalisation modules, in float64
and float32, for autograd4j-nn's PyTorchCnnModulesTest: each model's state dict as PyTorch
initialised it (a safetensors file) and, in JSON, its state dict order, three inputs, the output
and parameter gradients of the second of two training-mode calls, the state dict after them (the
running statistics) and the output of an evaluation-mode call.

Run once with Debian's python3-torch (never a dependency of the library or its tests):
    /usr/bin/python3 tools/reference/pytorch_cnn_modules.py write \
        autograd4j-nn/src/test/resources/io/github/autograd4j/nn/pytorch
The safetensors package is not installed here, so files are written and read by hand in its
layout: an 8-byte little-endian header length, the JSON header (tensors sorted by name), the raw
data. PyTorch keeps num_batches_tracked as int64; autograd4j reads F64 and F32 only, so it is
written in the model's type (an integer, exact in both) and converted back by load_state_dict.

The other direction, once: PyTorchCnnModulesTest run with -Dautograd4j.pytorch.out=DIR writes
ours (DIR/ours_<model>_<dtype>.safetensors: the state dict after our two training calls, and
DIR/ours_<model>_<dtype>_eval.safetensors: an input and our evaluation output); then
    /usr/bin/python3 tools/reference/pytorch_cnn_modules.py check DIR
loads each state dict into PyTorch (strict) and compares PyTorch's evaluation output with ours.
"""
import json
import sys

import torch
from torch import nn

from safetensors_layout import load, save

TYPES = {torch.float64: ("F64", "float64"), torch.float32: ("F32", "float32")}


def cnn2d():
    return nn.Sequential(
        nn.Conv2d(2, 4, 3, padding=1),
        nn.BatchNorm2d(4),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(4, 6, 3, padding="same", groups=2, bias=False),
        nn.GroupNorm(3, 6),
        nn.ConvTranspose2d(6, 4, 3, stride=2, padding=1, output_padding=1),
        nn.AvgPool2d(2, stride=2, padding=1, count_include_pad=False),
        nn.AdaptiveAvgPool2d(3),
    )


def cnn1d():
    return nn.Sequential(
        nn.Conv1d(3, 4, 3, padding=2, dilation=2),
        nn.BatchNorm1d(4, momentum=None),
        nn.ReLU(),
        nn.Conv1d(4, 2, 1),
    )


MODELS = {"cnn2d": (cnn2d, (4, 2, 8, 8)), "cnn1d": (cnn1d, (5, 3, 7))}


def flat(t):
    return t.detach().to(torch.float64).flatten().tolist()


def write(out):
    torch.manual_seed(0)
    reference = {"torch": torch.__version__}
    for name, (make, shape) in MODELS.items():
        initial = make().double()
        inputs = [torch.randn(*shape, dtype=torch.float64) for _ in range(3)]
        cot_shape = make().double()(inputs[0]).shape
        cot = torch.randn(*cot_shape, dtype=torch.float64)
        for dtype in TYPES:
            model = make()
            model.load_state_dict(initial.state_dict())
            model = model.to(dtype)
            key = name + "_" + TYPES[dtype][1]
            save(model.state_dict(), f"{out}/{key}.safetensors", dtype)
            model.train()
            model(inputs[0].to(dtype))
            model.zero_grad()
            y = model(inputs[1].to(dtype))
            (y * cot.to(dtype)).sum().backward()
            model.eval()
            with torch.no_grad():
                evaluated = model(inputs[2].to(dtype))
            reference[key] = {
                "state_order": list(model.state_dict().keys()),
                "inputs": [{"shape": list(x.shape), "values": flat(x)} for x in inputs],
                "cotangent": {"shape": list(cot.shape), "values": flat(cot)},
                "train_output": {"shape": list(y.shape), "values": flat(y)},
                "gradients": {n: flat(p.grad) for n, p in model.named_parameters()},
                "state_after": {n: flat(t) for n, t in model.state_dict().items()},
                "eval_output": {"shape": list(evaluated.shape), "values": flat(evaluated)},
            }
    with open(out + "/cnn_modules.json", "w") as f:
        json.dump(reference, f, indent=1)


def check(directory):
    for name, (make, _) in MODELS.items():
        for dtype, (_, type_name) in TYPES.items():
            key = name + "_" + type_name
            model = make().to(dtype)
            model.load_state_dict(load(f"{directory}/ours_{key}.safetensors"), strict=True)
            model.eval()
            ours = load(f"{directory}/ours_{key}_eval.safetensors")
            with torch.no_grad():
                theirs = model(ours["input"])
            tol = {"rtol": 1e-12, "atol": 1e-12} if dtype == torch.float64 else {"rtol": 1e-5, "atol": 1e-6}
            torch.testing.assert_close(theirs, ours["output"], **tol)
            print(f"{key}: our state dict loads into PyTorch (strict) and its evaluation output matches ours")


if __name__ == "__main__":
    {"write": write, "check": check}[sys.argv[1]](sys.argv[2])
