"""The safetensors layout written and read by hand for the reference scripts in this folder (the
safetensors package is not installed here): an 8-byte little-endian header length, the JSON header
(tensors sorted by name, padded with spaces to a multiple of 8 bytes), then the raw little-endian
data. Run the scripts from the repository root or this folder.
"""
import json
import struct

import torch

CODES = {torch.float64: "F64", torch.float32: "F32"}


def save(state, path, dtype=None):
    """Writes the tensors of `state`, each in its own type, or all converted to `dtype`."""
    header = {}
    data = b""
    for name in sorted(state):
        t = state[name].detach()
        t = (t if dtype is None else t.to(dtype)).contiguous()
        raw = t.numpy().tobytes()
        header[name] = {"dtype": CODES[t.dtype], "shape": list(t.shape), "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        f.write(data)


def load(path):
    """The F64 and F32 tensors of a safetensors file, by name."""
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    header.pop("__metadata__", None)
    data = raw[8 + n:]
    out = {}
    for name, e in header.items():
        dtype = torch.float64 if e["dtype"] == "F64" else torch.float32
        begin, end = e["data_offsets"]
        out[name] = torch.frombuffer(bytearray(data[begin:end]), dtype=dtype).reshape(e["shape"]).clone()
    return out
