package io.github.autograd4j;

import java.util.Arrays;

/**
 * The stack of the iterative depth-first walk of {@link BackwardPass.Traversal}. It is as deep as
 * the graph (ten million entries for a chain of ten million nodes), so past {@link #CHUNK} entries
 * it is kept in chunks that are set aside and taken back whole: never copied, never one huge
 * array (which the garbage collector would have to find room for at once). The walk keeps the
 * top chunk in a local variable, for speed, and calls here only at a chunk's edge: {@link #grow}
 * when the top chunk is full, {@link #shrink} when it is empty.
 */
final class DepthFirstPath {

    /** Entries per chunk: 8192 references (32 KB with compressed pointers), far below a G1 region. */
    static final int CHUNK = 8192;

    /** The top chunk. */
    Node[] nodes = new Node[64];
    /** Full chunks below the top one, bottom first. */
    private Node[][] below = new Node[0][];
    private int belowCount;
    /** The chunk last emptied, kept so that a walk going up and down across a chunk's edge does not allocate each time. */
    private Node[] spare;

    /**
     * Makes room above a full top chunk: the first chunk doubles up to {@link #CHUNK}; past that,
     * the full chunk is set aside and an empty one becomes the top.
     *
     * @return the number of entries in the new top chunk
     */
    int grow() {
        int size = nodes.length;
        if (size < CHUNK) {
            nodes = Arrays.copyOf(nodes, size * 2);
            return size;
        }
        if (belowCount == below.length) {
            below = Arrays.copyOf(below, Math.max(4, belowCount * 2));
        }
        below[belowCount++] = nodes;
        nodes = spare != null ? spare : new Node[CHUNK];
        spare = null;
        return 0;
    }

    /**
     * Takes back the chunk below an empty top chunk, if there is one.
     *
     * @return the number of entries in the new top chunk: {@link #CHUNK}, or 0 when the stack is empty
     */
    int shrink() {
        if (belowCount == 0) {
            return 0;
        }
        spare = nodes;
        nodes = below[--belowCount];
        return CHUNK;
    }
}
