package io.github.autograd4j.examples.train;

import io.github.autograd4j.examples.UsageException;
import io.github.autograd4j.examples.data.LabelledData;
import io.github.autograd4j.examples.data.StratifiedSplit;
import java.util.Objects;

/**
 * The data of a classifier run: the set it trains on, a validation set to choose hyperparameters
 * on, and a test set to report on only once they are chosen. The last two are optional (null): a
 * hyperparameter search has no test set, a final run no validation set.
 *
 * @param train      the training set
 * @param validation the validation set, or null
 * @param test       the test set, or null
 */
public record DataSplit(LabelledData train, LabelledData validation, LabelledData test) {

    /** Checks that there is a training set. */
    public DataSplit {
        Objects.requireNonNull(train, "DataSplit: train is null");
    }

    /**
     * {@code train} with {@code fraction} of each of its classes held out as the validation set
     * (a {@link StratifiedSplit} drawn from the run seed's {@code "validation"} stream), and
     * {@code test} (or null); no validation set when {@code fraction} is 0.
     *
     * @throws UsageException when the fraction holds out no sample, or all of them
     */
    public static DataSplit holdingOut(LabelledData train, LabelledData test, double fraction, long seed) {
        if (fraction == 0) {
            return new DataSplit(train, null, test);
        }
        StratifiedSplit split = StratifiedSplit.of(train.labels(), fraction, RunSeeds.random(seed, "validation"));
        UsageException.require(split.test().length > 0 && split.train().length > 0, "--validation " + fraction + " holds out "
                + split.test().length + " of the " + train.size() + " training samples; expected at least one and not all");
        return new DataSplit(train.select(split.train()), train.select(split.test()), test);
    }
}
