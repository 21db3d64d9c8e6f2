package io.github.autograd4j.examples.bench;

import io.github.autograd4j.Value;
import io.github.autograd4j.examples.Moons;
import io.github.autograd4j.nn.scalar.Layer;
import io.github.autograd4j.nn.scalar.ScalarMLP;
import io.github.autograd4j.nn.scalar.Neuron;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * The baseline for {@link MoonsStep}: the same step (ReLU hidden layers, linear output, the same loss,
 * sums in the same order) written by hand over {@code double[]}, forward and back-propagation point by
 * point, with no graph and no allocation per step.
 */
public final class HandWrittenMoonsStep {

    private final Moons data;
    private final double[][][] w;
    private final double[][] b;
    private final double[][][] gradW;
    private final double[][] gradB;
    /** Each layer's input for the current point, then the output; {@code act[l]} feeds layer {@code l}. */
    private final double[][] act;
    /** The gradient of the loss with respect to {@code act[l]}. */
    private final double[][] delta;

    /** Copies {@code model}'s current parameters; later steps change this copy only. */
    public HandWrittenMoonsStep(ScalarMLP model, Moons data) {
        this.data = data;
        List<Layer> layers = model.layers();
        int count = layers.size();
        w = new double[count][][];
        b = new double[count][];
        gradW = new double[count][][];
        gradB = new double[count][];
        act = new double[count + 1][];
        delta = new double[count + 1][];
        act[0] = new double[model.fanIn()];
        delta[0] = new double[model.fanIn()];
        for (int l = 0; l < count; l++) {
            List<Neuron> neurons = layers.get(l).neurons();
            int in = layers.get(l).fanIn();
            w[l] = new double[neurons.size()][in];
            b[l] = new double[neurons.size()];
            gradW[l] = new double[neurons.size()][in];
            gradB[l] = new double[neurons.size()];
            act[l + 1] = new double[neurons.size()];
            delta[l + 1] = new double[neurons.size()];
            for (int j = 0; j < neurons.size(); j++) {
                List<Value> p = neurons.get(j).parameters();
                for (int i = 0; i < in; i++) {
                    w[l][j][i] = p.get(i).data();
                }
                b[l][j] = p.get(in).data();
            }
        }
    }

    /** Forward, gradients, update; returns the loss before the update. */
    public double step() {
        double[][] x = data.points();
        double[] y = data.labels();
        double dataLoss = 0.0;
        for (int n = 0; n < x.length; n++) {
            System.arraycopy(x[n], 0, act[0], 0, act[0].length);
            forward();
            double margin = act[w.length][0] * -y[n] + 1.0;
            dataLoss += Math.max(margin, 0.0);
            delta[w.length][0] = margin > 0.0 ? (1.0 / x.length) * -y[n] : 0.0;
            backward();
        }
        double penalty = 0.0;
        for (int l = 0; l < w.length; l++) {
            for (int j = 0; j < b[l].length; j++) {
                for (int i = 0; i < w[l][j].length; i++) {
                    penalty += w[l][j][i] * w[l][j][i];
                    w[l][j][i] = update(w[l][j][i], gradW[l][j][i]);
                    gradW[l][j][i] = 0.0;
                }
                penalty += b[l][j] * b[l][j];
                b[l][j] = update(b[l][j], gradB[l][j]);
                gradB[l][j] = 0.0;
            }
        }
        return dataLoss * (1.0 / x.length) + penalty * MoonsStep.ALPHA;
    }

    /** SGD on one parameter, adding the penalty's gradient {@code 2 * alpha * p} to the data loss's. */
    private static double update(double p, double dataGrad) {
        return p - MoonsStep.LEARNING_RATE * (dataGrad + 2 * MoonsStep.ALPHA * p);
    }

    private void forward() {
        int last = w.length - 1;
        for (int l = 0; l <= last; l++) {
            double[] in = act[l];
            for (int j = 0; j < b[l].length; j++) {
                double z = b[l][j];
                double[] row = w[l][j];
                for (int i = 0; i < row.length; i++) {
                    z += row[i] * in[i];
                }
                act[l + 1][j] = l == last || z > 0.0 ? z : 0.0;
            }
        }
    }

    /** Adds this point's gradients, given {@code delta} of the output. */
    private void backward() {
        for (int l = w.length - 1; l >= 0; l--) {
            double[] in = act[l];
            double[] down = delta[l];
            Arrays.fill(down, 0.0);
            for (int j = 0; j < b[l].length; j++) {
                double d = delta[l + 1][j];
                if (d == 0.0) {
                    continue;
                }
                gradB[l][j] += d;
                double[] row = w[l][j];
                double[] gradRow = gradW[l][j];
                for (int i = 0; i < row.length; i++) {
                    gradRow[i] += d * in[i];
                    down[i] += row[i] * d;
                }
            }
            if (l > 0) {
                for (int i = 0; i < down.length; i++) {
                    down[i] = in[i] > 0.0 ? down[i] : 0.0;
                }
            }
        }
    }

    /** The parameters in {@link MLP#parameters()} order: layer by layer, each neuron's weights then its bias. */
    public double[] parameters() {
        DoubleStream.Builder out = DoubleStream.builder();
        for (int l = 0; l < w.length; l++) {
            for (int j = 0; j < b[l].length; j++) {
                Arrays.stream(w[l][j]).forEach(out);
                out.add(b[l][j]);
            }
        }
        return out.build().toArray();
    }
}
