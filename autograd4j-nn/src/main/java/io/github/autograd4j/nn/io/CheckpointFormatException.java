package io.github.autograd4j.nn.io;

import java.io.IOException;

/**
 * A file that is not a well-formed safetensors file or checkpoint: truncated, with a malformed or
 * inconsistent header, or with a dtype this library does not read. The message names the file,
 * the tensor and the numbers that disagree.
 */
public class CheckpointFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with the given message.
     *
     * @param message what is wrong, naming the file and the tensor
     */
    public CheckpointFormatException(String message) {
        super(message);
    }
}
