package io.github.autograd4j.examples.train;

/**
 * What one epoch of training a classifier gave. The validation and test figures are NaN when the
 * run has no such set.
 *
 * @param epoch              the epoch, counting from 1
 * @param lr                 the learning rate used in it
 * @param trainLoss          the mean training loss over its batches (in training mode)
 * @param trainAccuracy      the fraction of training samples classified right during the epoch
 * @param validationLoss     the mean loss on the validation set after the epoch (evaluation mode)
 * @param validationAccuracy the fraction of validation samples classified right after the epoch
 * @param testLoss           the mean loss on the test set after the epoch (evaluation mode)
 * @param testAccuracy       the fraction of test samples classified right after the epoch
 * @param seconds            the wall time of the epoch, evaluation included
 */
public record EpochStats(int epoch, double lr, double trainLoss, double trainAccuracy, double validationLoss,
                         double validationAccuracy, double testLoss, double testAccuracy, double seconds) {

    private static final int FIELDS = 9;

    /** The values as one comma-separated line, each written so that {@link #parse} restores it exactly. */
    public String encode() {
        return epoch + "," + lr + "," + trainLoss + "," + trainAccuracy + "," + validationLoss + "," + validationAccuracy + ","
                + testLoss + "," + testAccuracy + "," + seconds;
    }

    /**
     * The stats {@link #encode()} wrote.
     *
     * @throws IllegalArgumentException when {@code text} is not nine comma-separated numbers
     */
    public static EpochStats parse(String text) {
        String[] f = text.split(",");
        if (f.length != FIELDS) {
            throw new IllegalArgumentException("epoch stats: expected " + FIELDS + " comma-separated numbers, got '" + text + "'");
        }
        double[] v = new double[FIELDS];
        for (int i = 1; i < FIELDS; i++) {
            v[i] = Double.parseDouble(f[i]);
        }
        return new EpochStats(Integer.parseInt(f[0]), v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
    }
}
