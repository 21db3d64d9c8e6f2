package io.github.autograd4j;

import java.util.Arrays;

/**
 * A list of nodes that only grows, kept in chunks of fixed size: a backward pass over ten million
 * nodes never copies its order, and never asks the garbage collector for one huge array (such an
 * array starts a collection of its own, and a collection while a deep graph is young copies the
 * whole chain one link at a time).
 *
 * <p>The first chunk starts small and doubles up to the chunk size, so that a pass over a few
 * nodes allocates a few slots; past that, chunks are added whole and never moved.
 */
final class NodeSequence {

    private static final int SHIFT = 13;
    /** 8192 references (32 KB with compressed pointers): far below a G1 region, so never a humongous object. */
    static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private Node[][] chunks = new Node[1][];
    /** The chunk that {@link #add} writes, and where it writes next inside it. */
    private Node[] tail;
    private int tailSize;
    /** Full chunks before {@link #tail}. */
    private int fullChunks;

    NodeSequence() {
        tail = new Node[16];
        chunks[0] = tail;
    }

    /** Appends {@code node}. */
    void add(Node node) {
        if (tailSize == tail.length) {
            grow();
        }
        tail[tailSize++] = node;
    }

    private void grow() {
        if (tail.length < CHUNK) {
            tail = Arrays.copyOf(tail, tail.length * 2);
            chunks[fullChunks] = tail;
            return;
        }
        fullChunks++;
        if (fullChunks == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        tail = new Node[CHUNK];
        chunks[fullChunks] = tail;
        tailSize = 0;
    }

    /** The number of nodes. */
    int size() {
        return (fullChunks << SHIFT) + tailSize;
    }

    /** The node at {@code index}, in {@code [0, size())}. */
    Node get(int index) {
        return chunks[index >>> SHIFT][index & MASK];
    }

    /** The nodes in order, as one array. */
    Node[] toArray() {
        Node[] all = new Node[size()];
        for (int c = 0; c < fullChunks; c++) {
            System.arraycopy(chunks[c], 0, all, c << SHIFT, CHUNK);
        }
        System.arraycopy(tail, 0, all, fullChunks << SHIFT, tailSize);
        return all;
    }
}
