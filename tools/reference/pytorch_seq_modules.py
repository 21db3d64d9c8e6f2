"""Writes small PyTorch sequence modules (transformer encoder layers, multi-head attention, RNN,
LSTM, GRU and their cells) in float64: each state dict as a safetensors file, and the inputs, the
outputs and the gradients of a loss with respect to the input and every parameter in the text
format of pytorch_seq_ops.py. SequenceModulesInteropTest (autograd4j-nn) loads each state dict
into the module of the same architecture, by PyTorch's names one to one, and checks the numbers.

    /usr/bin/python3 tools/reference/pytorch_seq_modules.py autograd4j-nn/src/test/resources/io/github/autograd4j/nn/pytorch

The safetensors package is not installed here, so the files are written by hand in its layout
(safetensors_layout.py).
"""
import sys

import torch
import torch.nn as nn

from safetensors_layout import save

out_dir = sys.argv[1]
torch.manual_seed(3)
lines = []


def put(name, t):
    t = torch.as_tensor(t).detach()
    lines.append(name + "\t" + ",".join(str(s) for s in t.shape) + "\t" + " ".join(repr(v) for v in t.double().flatten().tolist()))




def record(name, module, inputs, run):
    """Saves module's state dict, runs it, and records the outputs and the gradients of the sum of their squares."""
    module = module.double().eval()
    save(module.state_dict(), out_dir + "/" + name + ".safetensors")
    for i, x in enumerate(inputs):
        put(name + ".input" + str(i), x)
    inputs = [x.detach().requires_grad_(x.is_floating_point()) for x in inputs]
    outs = run(module, *inputs)
    loss = 0
    for i, o in enumerate(outs):
        put(name + ".output" + str(i), o)
        loss = loss + (o ** 2).sum()
    params = dict(module.named_parameters())
    grads = torch.autograd.grad(loss, [inputs[0]] + list(params.values()))
    put(name + ".grad.input", grads[0])
    for (pname, _), g in zip(params.items(), grads[1:]):
        put(name + ".grad." + pname, g)


d = torch.float64
causal = nn.Transformer.generate_square_subsequent_mask(5).double()
padding = torch.tensor([[0, 0, 0, 0, 0], [0, 0, 0, 1, 1]], dtype=torch.bool)

record("tel_post", nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, activation="relu", batch_first=True),
       [torch.randn(2, 5, 8, dtype=d), causal, padding.double()],
       lambda m, x, mask, pad: [m(x, src_mask=mask, src_key_padding_mask=pad.bool())])
record("tel_pre", nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, activation="gelu", norm_first=True),
       [torch.randn(5, 2, 8, dtype=d), causal],
       lambda m, x, mask: [m(x, src_mask=mask)])
record("mha", nn.MultiheadAttention(8, 2, batch_first=True),
       [torch.randn(2, 3, 8, dtype=d), torch.randn(2, 5, 8, dtype=d), torch.randn(2, 5, 8, dtype=d), padding.double()],
       lambda m, q, k, v, pad: list(m(q, k, v, key_padding_mask=pad.bool())))
record("mha_heads", nn.MultiheadAttention(8, 4),
       [torch.randn(5, 2, 8, dtype=d)],
       lambda m, x: list(m(x, x, x, average_attn_weights=False)))
record("lstm", nn.LSTM(4, 6, num_layers=2, batch_first=True),
       [torch.randn(3, 5, 4, dtype=d), torch.randn(2, 3, 6, dtype=d), torch.randn(2, 3, 6, dtype=d)],
       lambda m, x, h, c: [m(x, (h, c))[0], m(x, (h, c))[1][0], m(x, (h, c))[1][1]])
record("gru", nn.GRU(4, 6, num_layers=2),
       [torch.randn(5, 3, 4, dtype=d), torch.randn(2, 3, 6, dtype=d)],
       lambda m, x, h: list(m(x, h)))
record("rnn", nn.RNN(4, 6, nonlinearity="relu"),
       [torch.randn(5, 4, dtype=d)],
       lambda m, x: list(m(x)))
record("lstm_cell", nn.LSTMCell(4, 6),
       [torch.randn(3, 4, dtype=d), torch.randn(3, 6, dtype=d), torch.randn(3, 6, dtype=d)],
       lambda m, x, h, c: list(m(x, (h, c))))
record("gru_cell", nn.GRUCell(4, 6),
       [torch.randn(3, 4, dtype=d), torch.randn(3, 6, dtype=d)],
       lambda m, x, h: [m(x, h)])
record("rnn_cell", nn.RNNCell(4, 6),
       [torch.randn(4, dtype=d), torch.randn(6, dtype=d)],
       lambda m, x, h: [m(x, h)])

with open(out_dir + "/seq_modules.txt", "w") as f:
    f.write("# torch " + torch.__version__ + ", tools/reference/pytorch_seq_modules.py\n")
    f.write("\n".join(lines) + "\n")
