package io.github.autograd4j.spark;

import java.io.Serializable;
import java.util.TreeMap;

/**
 * The sum of one array per partition, added up in one fixed order whatever order Spark merges
 * the partial results in: the aggregate value of {@code treeAggregate}. Spark's
 * {@code treeAggregate} (and {@code reduce}, {@code fold}) merge results in the order tasks
 * finish, and floating-point addition is not associative, so a plain sum would differ in its last
 * bits from run to run, and a retried task or a resumed run would not reproduce a run exactly.
 *
 * <p>Here the partitions are the leaves of a fixed binary tree, and a value holds complete
 * subtrees: two sibling subtrees are added (left plus right) as soon as both are present, so
 * every inner node's sum is computed from the same two arrays in every run. The leaves are laid
 * out so that the partitions {@code treeAggregate} groups on its executor level (those of the same
 * index modulo its group count) are neighbours, which lets that level add them up before they
 * reach the driver.
 *
 * <p>A leaf may be null: a partition with nothing to add. Values are changed in place by
 * {@link #add} and {@link #merge}, as Spark's aggregation functions allow.
 */
final class PartitionSums implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A complete subtree: leaf positions {@code [from, to)} and their sum (null when all are null). */
    private record Node(int from, int to, double[] sum) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final int partitions;
    private final int groups;
    private final TreeMap<Integer, Node> nodes = new TreeMap<>();

    private PartitionSums(int partitions, int groups) {
        this.partitions = partitions;
        this.groups = groups;
    }

    /**
     * An empty sum over {@code partitions} leaves, laid out for {@code treeAggregate} of {@code depth}.
     *
     * @param partitions the number of partitions, at least 1
     * @param depth      the depth given to {@code treeAggregate}
     * @return the zero value
     */
    static PartitionSums empty(int partitions, int depth) {
        return new PartitionSums(partitions, firstLevelGroups(partitions, depth));
    }

    /**
     * The number of groups of {@code treeAggregate}'s first executor level (Spark 3.5's rule), or
     * {@code partitions} when it adds no such level. Only the layout depends on it: were Spark's
     * rule to change, sums would stay exact and repeatable, and only be added on the driver.
     */
    static int firstLevelGroups(int partitions, int depth) {
        long scale = Math.max((long) Math.ceil(Math.pow(partitions, 1.0 / depth)), 2);
        return partitions > scale + Math.ceil((double) partitions / scale) ? (int) (partitions / scale) : partitions;
    }

    /** The leaf position of {@code partition}: the groups one after another, each in partition order. */
    int position(int partition) {
        int group = partition % groups;
        return group * (partitions / groups) + Math.min(group, partitions % groups) + partition / groups;
    }

    /**
     * Adds partition {@code partition}'s array.
     *
     * @param partition the partition's index
     * @param leaf      its array, or null for nothing
     * @return this
     */
    PartitionSums add(int partition, double[] leaf) {
        int p = position(partition);
        insert(new Node(p, p + 1, leaf));
        return this;
    }

    /**
     * Adds the subtrees of {@code other}, a value of the same partitions.
     *
     * @param other the other partial sum
     * @return this
     */
    PartitionSums merge(PartitionSums other) {
        other.nodes.values().forEach(this::insert);
        return this;
    }

    /**
     * The sum over every partition.
     *
     * @return the sum, or null when every leaf was null
     * @throws IllegalStateException when a partition's array is missing
     */
    double[] total() {
        Node root = nodes.get(0);
        if (root == null || root.to() != partitions) {
            throw new IllegalStateException("PartitionSums: the sums of " + partitions + " partitions are incomplete: "
                    + nodes.values().stream().mapToInt(n -> n.to() - n.from()).sum() + " arrived");
        }
        return root.sum();
    }

    private void insert(Node node) {
        while (node.to() - node.from() < partitions) {
            int from = 0;
            int to = partitions;
            int mid = (from + to) >>> 1;
            while (!(from == node.from() && mid == node.to()) && !(mid == node.from() && to == node.to())) {
                if (node.from() < mid) {
                    to = mid;
                } else {
                    from = mid;
                }
                mid = (from + to) >>> 1;
            }
            boolean isLeft = node.from() == from;
            Node sibling = nodes.get(isLeft ? mid : from);
            if (sibling == null || sibling.to() != (isLeft ? to : mid)) {
                break;
            }
            nodes.remove(sibling.from());
            node = new Node(from, to, isLeft ? add(node.sum(), sibling.sum()) : add(sibling.sum(), node.sum()));
        }
        nodes.put(node.from(), node);
    }

    private static double[] add(double[] left, double[] right) {
        if (left == null) {
            return right;
        }
        if (right == null) {
            return left;
        }
        double[] sum = new double[left.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = left[i] + right[i];
        }
        return sum;
    }
}
