package io.github.autograd4j.ops;

/**
 * The shape of one 2-d convolution, checked by {@link ConvOps}: it maps an input of
 * {@code (N, inChannels, inH, inW)} to an output of {@code (N, outChannels, outH, outW)}, output
 * position {@code (oh, ow)} reading input rows {@code oh * strideH - padTop + i * dilationH} for
 * {@code i < kernelH} (likewise columns), and zero where that falls outside the input. Padding is
 * given by its first side and the output size, so "same" padding (one more on the far side) and a
 * transposed convolution's output padding need nothing else. Channels are split into
 * {@code groups} groups; each output group reads its input group only.
 *
 * <p>The convolution is a product with the input's columns (im2col): for one sample and group,
 * {@link #columnIndex()} lists, for each row {@code r} of the weight's flattened kernel
 * ({@code c * kernelH * kernelW + i * kernelW + j}) and each output position {@code q}, where that
 * input element sits in the group's channels, or -1 for padding.
 *
 * @param op the operation, named in graphs
 */
record ConvGeometry(String op, int groups, int inChannels, int outChannels, int inH, int inW, int kernelH, int kernelW,
                    int strideH, int strideW, int padTop, int padLeft, int dilationH, int dilationW, int outH, int outW) {

    /** Input channels per group. */
    int groupInChannels() {
        return inChannels / groups;
    }

    /** Output channels per group. */
    int groupOutChannels() {
        return outChannels / groups;
    }

    /** The rows of the columns matrix: a group's input channels times the kernel's positions. */
    int columnRows() {
        return groupInChannels() * kernelH * kernelW;
    }

    /** Output positions per channel. */
    int outPositions() {
        return outH * outW;
    }

    /** Input positions per channel. */
    int inPositions() {
        return inH * inW;
    }

    /** The weight's shape, {@code (outChannels, inChannels / groups, kernelH, kernelW)}. */
    int[] weightShape() {
        return new int[] {outChannels, groupInChannels(), kernelH, kernelW};
    }

    /**
     * For row {@code r} of the columns and output position {@code q}, at {@code r * outPositions() + q},
     * the offset of the input element in one group's channels ({@code c * inH * inW + h * inW + w}),
     * or -1 where the kernel lies on padding.
     */
    int[] columnIndex() {
        int positions = outPositions();
        int[] index = new int[columnRows() * positions];
        int r = 0;
        for (int c = 0; c < groupInChannels(); c++) {
            for (int i = 0; i < kernelH; i++) {
                for (int j = 0; j < kernelW; j++, r++) {
                    for (int oh = 0; oh < outH; oh++) {
                        int h = oh * strideH - padTop + i * dilationH;
                        for (int ow = 0; ow < outW; ow++) {
                            int w = ow * strideW - padLeft + j * dilationW;
                            boolean inside = h >= 0 && h < inH && w >= 0 && w < inW;
                            index[r * positions + oh * outW + ow] = inside ? (c * inH + h) * inW + w : -1;
                        }
                    }
                }
            }
        }
        return index;
    }
}
