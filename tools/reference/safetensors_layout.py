"""save(state, path): a state dict in the safetensors layout, written by hand because the safetensors
package is not installed here: an 8-byte little-endian header length, the JSON header (tensors
sorted by name, padded with spaces to a multiple of 8 bytes), then the raw little-endian data.
Shared by the reference scripts in this folder (run from the repository root or this folder).
"""
import json
import struct

import torch

DTYPES = {torch.float32: "F32", torch.float64: "F64"}


def save(state, path):
    header = {}
    data = b""
    for name in sorted(state):
        t = state[name].detach().contiguous()
        raw = t.numpy().tobytes()
        header[name] = {"dtype": DTYPES[t.dtype], "shape": list(t.shape), "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        f.write(data)
