package io.github.autograd4j.examples.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A train/test split that keeps each class's share, as scikit-learn's
 * {@code train_test_split(..., stratify=y)}: each class's samples are shuffled with the given
 * {@link Random} ({@link Collections#shuffle}, classes in order), the first
 * {@code round(count * testFraction)} go to the test set and the rest to the training set. Both
 * index lists are sorted.
 *
 * @param train the training samples' indices
 * @param test  the test samples' indices
 */
public record StratifiedSplit(int[] train, int[] test) {

    /**
     * Splits samples labelled {@code labels} (classes {@code 0..max}).
     *
     * @throws IllegalArgumentException when {@code testFraction} is not in (0, 1) or a label is negative
     */
    public static StratifiedSplit of(int[] labels, double testFraction, Random rng) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("split: the test fraction must be in (0, 1), got " + testFraction);
        }
        if (Arrays.stream(labels).anyMatch(l -> l < 0)) {
            throw new IllegalArgumentException("split: labels must be >= 0");
        }
        int classes = Arrays.stream(labels).max().orElse(-1) + 1;
        IntStream.Builder train = IntStream.builder();
        IntStream.Builder test = IntStream.builder();
        for (int c = 0; c < classes; c++) {
            int label = c;
            List<Integer> members = new ArrayList<>(IntStream.range(0, labels.length).filter(i -> labels[i] == label).boxed().toList());
            Collections.shuffle(members, rng);
            int testCount = (int) Math.round(members.size() * testFraction);
            for (int k = 0; k < members.size(); k++) {
                (k < testCount ? test : train).add(members.get(k));
            }
        }
        return new StratifiedSplit(train.build().sorted().toArray(), test.build().sorted().toArray());
    }
}
