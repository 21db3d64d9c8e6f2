"""Writes a float32 MLP before and after one SGD step by PyTorch, in the safetensors layout, with
its loss, gradients and forward output.

Run with Debian's python3-torch (never a dependency of the library or its tests):
    /usr/bin/python3 tools/reference/pytorch_mlp_float32.py autograd4j-nn/src/test/resources/io/github/autograd4j/nn/pytorch
The safetensors package is not installed here, so the file is written by hand in its layout:
an 8-byte little-endian header length, the JSON header (tensors sorted by name), the raw data.
"""
import json
import sys

import torch

from safetensors_layout import save

out = sys.argv[1]
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3))  # float32 by default
x = torch.linspace(-1, 1, 8, dtype=torch.float32).reshape(2, 4)
target = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]], dtype=torch.float32)

save({k: v.clone() for k, v in model.state_dict().items()}, out + "/mlp_float32_before.safetensors")
# one SGD step, so that the step itself can be compared
opt = torch.optim.SGD(model.parameters(), lr=0.1)
loss = torch.nn.functional.mse_loss(model(x), target)
opt.zero_grad()
loss.backward()
grads = {name: p.grad.clone() for name, p in model.named_parameters()}
opt.step()

save(model.state_dict(), out + "/mlp_float32_after.safetensors")

with torch.no_grad():
    y = model(x)
reference = {
    "torch": torch.__version__,
    "input": x.flatten().tolist(),
    "target": target.flatten().tolist(),
    "loss_before_step": loss.item(),
    "grads_before_step": {name: g.flatten().tolist() for name, g in grads.items()},
    "output_after_step": y.flatten().tolist(),
}
with open(out + "/mlp_float32.json", "w") as f:
    json.dump(reference, f, indent=1)
