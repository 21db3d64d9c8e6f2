package io.github.autograd4j;

import java.util.Arrays;

/**
 * A list of nodes that grows and shrinks at its end, kept in chunks of {@link #CHUNK} nodes: the
 * order of a backward pass and the stack of its depth-first walk. Either is as long as the graph
 * (ten million entries for a chain of ten million nodes), and chunks are never copied as the list
 * grows, nor one huge array that the garbage collector must find room for at once (in G1 such an
 * array starts a collection of its own, and a collection while a deep graph is young copies the
 * chain one link at a time). The first chunk starts small and doubles up to {@link #CHUNK}, so a
 * pass over a few nodes allocates a few slots.
 *
 * <p>The end is {@link #chunk} filled up to {@link #fill}. The walk keeps both in local variables
 * for speed and writes them back only at a chunk's edge, before {@link #grow} or {@link #shrink},
 * and when it is done; other callers use {@link #add}.
 */
final class NodeChunks {

    private static final int SHIFT = 13;
    /** Nodes per chunk: 8192 references (32 KB with compressed pointers), far below a G1 region. */
    static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    /** The last chunk, where nodes are added and removed. */
    Node[] chunk = new Node[16];
    /** How many nodes {@link #chunk} holds. */
    int fill;
    /** Every chunk, first first: {@link #chunk} is the last, after {@code fullCount} full ones. */
    private Node[][] chunks = {chunk};
    private int fullCount;
    /** The chunk last emptied by {@link #shrink}, kept so that a list going up and down across a chunk's edge allocates once. */
    private Node[] spare;

    /** Appends {@code node}. */
    void add(Node node) {
        if (fill == chunk.length) {
            grow();
        }
        chunk[fill++] = node;
    }

    /** Makes room after a full {@link #chunk}: the first doubles up to {@link #CHUNK}; past that, a new chunk follows. */
    void grow() {
        if (chunk.length < CHUNK) {
            chunk = Arrays.copyOf(chunk, chunk.length * 2);
        } else {
            if (++fullCount == chunks.length) {
                chunks = Arrays.copyOf(chunks, fullCount * 2);
            }
            chunk = spare != null ? spare : new Node[CHUNK];
            spare = null;
            fill = 0;
        }
        chunks[fullCount] = chunk;
    }

    /**
     * Goes back to the full chunk before an empty {@link #chunk}.
     *
     * @return false when there is none: the list is empty
     */
    boolean shrink() {
        if (fullCount == 0) {
            return false;
        }
        spare = chunk;
        chunk = chunks[--fullCount];
        fill = CHUNK;
        return true;
    }

    /**
     * Gives the chunk that {@link #shrink} emptied last to {@code next}, for its next {@link #grow},
     * unless {@code next} has one already: a walk's stack shrinks as its order grows, so in a deep
     * graph the order fills the chunks the stack leaves, and the pass allocates one reference per
     * node rather than two.
     */
    void passSpareTo(NodeChunks next) {
        if (spare != null && next.spare == null) {
            next.spare = spare;
            spare = null;
        }
    }

    /** The number of nodes. */
    int size() {
        return (fullCount << SHIFT) + fill;
    }

    /** The node at {@code index}, in {@code [0, size())}. */
    Node get(int index) {
        return chunks[index >>> SHIFT][index & MASK];
    }

    /** The nodes in order, as one array. */
    Node[] toArray() {
        Node[] all = new Node[size()];
        for (int c = 0; c < fullCount; c++) {
            System.arraycopy(chunks[c], 0, all, c << SHIFT, CHUNK);
        }
        System.arraycopy(chunk, 0, all, fullCount << SHIFT, fill);
        return all;
    }
}
