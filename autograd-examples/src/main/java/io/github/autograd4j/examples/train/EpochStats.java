package io.github.autograd4j.examples.train;

/**
 * What one epoch of training a classifier gave.
 *
 * @param epoch         the epoch, counting from 1
 * @param lr            the learning rate used in it
 * @param trainLoss     the mean training loss over its batches (in training mode)
 * @param trainAccuracy the fraction of training samples classified right during the epoch
 * @param testLoss      the mean loss on the test set after the epoch (evaluation mode)
 * @param testAccuracy  the fraction of test samples classified right after the epoch
 * @param seconds       the wall time of the epoch, evaluation included
 */
public record EpochStats(int epoch, double lr, double trainLoss, double trainAccuracy, double testLoss,
                         double testAccuracy, double seconds) {

    /** The values as one comma-separated line, each written so that {@link #parse} restores it exactly. */
    public String encode() {
        return epoch + "," + lr + "," + trainLoss + "," + trainAccuracy + "," + testLoss + "," + testAccuracy + "," + seconds;
    }

    /**
     * The stats {@link #encode()} wrote.
     *
     * @throws IllegalArgumentException when {@code text} is not seven comma-separated numbers
     */
    public static EpochStats parse(String text) {
        String[] f = text.split(",");
        if (f.length != 7) {
            throw new IllegalArgumentException("epoch stats: expected 7 comma-separated numbers, got '" + text + "'");
        }
        return new EpochStats(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]));
    }
}
