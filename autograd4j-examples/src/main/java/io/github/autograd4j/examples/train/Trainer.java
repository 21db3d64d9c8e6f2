package io.github.autograd4j.examples.train;

import io.github.autograd4j.DType;
import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.examples.data.LabelledData;
import io.github.autograd4j.graph.Graph;
import io.github.autograd4j.kernel.Kernels;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.data.Batch;
import io.github.autograd4j.nn.data.DataLoader;
import io.github.autograd4j.nn.data.TensorDataset;
import io.github.autograd4j.nn.loss.CrossEntropyLoss;
import io.github.autograd4j.nn.loss.Reduction;
import io.github.autograd4j.nn.optim.Optimizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a classifier that outputs logits with cross-entropy, the PyTorch way (zero grad,
 * forward, loss, backward, step over shuffled mini-batches), evaluating on the validation and test
 * sets (those there are) after every epoch. The learning rate follows a cosine schedule from
 * {@code lr} at the first epoch towards 0 ({@code lr * (1 + cos(pi * e / epochs)) / 2} in epoch
 * {@code e}, counting from 0), set per epoch so that a resumed run needs no scheduler state.
 *
 * <p>Every epoch reseeds the shuffling and the model's own {@link Random}s (dropout's) from the
 * seed and the epoch ({@link RunSeeds}); with {@link TrainOptions#checkpoint()} the model and
 * optimiser are saved after each epoch, and {@link TrainOptions#resume()} continues a saved run to
 * the same final weights, bit for bit, as an uninterrupted one.
 *
 * <p>At DEBUG it logs the size of one training step's graph and each epoch's time in forward,
 * backward, optimiser steps and evaluation.
 */
public final class Trainer {

    /** The system property read by the GEMM kernel for its thread count, set from {@code --threads}. */
    public static final String THREADS_PROPERTY = "autograd4j.threads";

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    private static final CrossEntropyLoss CRITERION = new CrossEntropyLoss();
    private static final CrossEntropyLoss SUMMED = new CrossEntropyLoss(Reduction.SUM);
    private static final int EVAL_ROWS = 2048;

    /**
     * A model's loss and accuracy on a data set.
     *
     * @param loss     the mean cross-entropy
     * @param accuracy the fraction classified right (the largest logit is the label's)
     */
    public record Evaluation(double loss, double accuracy) {
    }

    private final String task;
    private final Module model;
    private final List<Random> perEpoch;
    private final TrainOptions options;

    /**
     * A trainer of {@code model}.
     *
     * @param task     the name in logs and checkpoints, e.g. {@code "digits"}
     * @param perEpoch the {@link Random}s the model draws from while training (dropout's), reseeded every epoch
     */
    public Trainer(String task, Module model, List<Random> perEpoch, TrainOptions options) {
        this.task = task;
        this.model = model;
        this.perEpoch = List.copyOf(perEpoch);
        this.options = options;
    }

    /** Trains on {@code train} for the remaining epochs, evaluating on {@code test}; returns every epoch's stats. */
    public History fit(LabelledData train, LabelledData test) throws IOException {
        return fit(new DataSplit(train, null, test));
    }

    /** Trains on {@code data.train()} for the remaining epochs, evaluating on its other sets; returns every epoch's stats. */
    public History fit(DataSplit data) throws IOException {
        return fit(data, options.epochs());
    }

    /**
     * Trains as {@link #fit(DataSplit)} but stops after epoch {@code lastEpoch} (counting from 1)
     * of the {@link TrainOptions#epochs()} planned, as a run interrupted there would: the
     * learning-rate schedule is that of the whole run.
     *
     * @throws IllegalArgumentException when {@code lastEpoch} is not in {@code 1..epochs}
     */
    public History fit(DataSplit data, int lastEpoch) throws IOException {
        if (lastEpoch < 1 || lastEpoch > options.epochs()) {
            throw new IllegalArgumentException("Trainer.fit: lastEpoch must be in 1.." + options.epochs() + ", got " + lastEpoch);
        }
        applyThreads(options.threads());
        model.to(options.dtype());
        Optimizer optimizer = options.optimizer().build(model.parameters(), options.lr());
        Random shuffle = new Random();
        DataLoader loader = new DataLoader(new TensorDataset(data.train().x().to(options.dtype()), data.train().y()), options.batchSize(), true,
                shuffle, false);
        Held validation = Held.of(data.validation(), options.dtype());
        Held test = Held.of(data.test(), options.dtype());
        List<EpochStats> history = new ArrayList<>();
        if (options.resume() != null) {
            history.addAll(TrainingCheckpoint.restore(options.resume(), task, options, model, optimizer));
        }
        try (Progress progress = Progress.create(task, options.progress(), options.epochs(), history.size(), loader.numBatches())) {
            for (int epoch = history.size(); epoch < lastEpoch; epoch++) {
                shuffle.setSeed(RunSeeds.of(options.seed(), "shuffle", epoch));
                for (int i = 0; i < perEpoch.size(); i++) {
                    perEpoch.get(i).setSeed(RunSeeds.of(options.seed(), "model-random-" + i, epoch));
                }
                EpochStats stats = epoch(epoch, loader, optimizer, validation, test, progress);
                history.add(stats);
                progress.epoch(stats);
                if (options.checkpoint() != null) {
                    TrainingCheckpoint.save(options.checkpoint(), task, options, model, optimizer, history);
                }
            }
        }
        return new History(history);
    }

    private EpochStats epoch(int epoch, DataLoader loader, Optimizer optimizer, Held validationSet, Held testSet, Progress progress) {
        long start = System.nanoTime();
        long[] nanos = new long[3];
        double lr = options.lr() * (1 + Math.cos(Math.PI * epoch / options.epochs())) / 2;
        optimizer.setLr(lr);
        model.train();
        double lossSum = 0;
        double correct = 0;
        int seen = 0;
        for (Batch batch : loader) {
            long t0 = System.nanoTime();
            optimizer.zeroGrad();
            Tensor logits = model.forward(batch.get(0));
            Tensor loss = CRITERION.forward(logits, batch.get(1));
            if (seen == 0 && LOG.isDebugEnabled()) {
                LOG.debug("{}: one training step's graph has {} nodes (forward and loss)", task, Graph.of(loss).size());
            }
            long t1 = System.nanoTime();
            loss.backward();
            long t2 = System.nanoTime();
            optimizer.step();
            long t3 = System.nanoTime();
            nanos[0] += t1 - t0;
            nanos[1] += t2 - t1;
            nanos[2] += t3 - t2;
            double value = loss.item();
            lossSum += value * batch.rows();
            correct += correct(logits, batch.get(1));
            seen += batch.rows();
            progress.batch(epoch + 1, value);
        }
        long evalStart = System.nanoTime();
        Evaluation validation = Held.evaluate(model, validationSet);
        Evaluation test = Held.evaluate(model, testSet);
        long end = System.nanoTime();
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: epoch {} took {} ms: forward {} ms, backward {} ms, optimiser {} ms, evaluation {} ms", task, epoch + 1,
                    ms(end - start), ms(nanos[0]), ms(nanos[1]), ms(nanos[2]), ms(end - evalStart));
        }
        return new EpochStats(epoch + 1, lr, lossSum / seen, correct / seen, validation.loss(), validation.accuracy(), test.loss(),
                test.accuracy(), (end - start) / 1e9);
    }

    /** A held-out set as tensors, made once per run rather than once per epoch. */
    private record Held(Tensor x, Tensor y) {

        /** {@code set}'s tensors, its inputs in {@code dtype}, or null when there is no set. */
        static Held of(LabelledData set, DType dtype) {
            return set == null ? null : new Held(set.x().to(dtype), set.y());
        }

        /** {@link Trainer#evaluate(Module, Tensor, Tensor)} on {@code set}; NaN for both when there is none. */
        static Evaluation evaluate(Module model, Held set) {
            return set == null ? new Evaluation(Double.NaN, Double.NaN) : Trainer.evaluate(model, set.x(), set.y());
        }
    }

    /** The loss and accuracy of {@code model} on {@code x} (rows) with classes {@code y}, in evaluation mode and without recording. */
    @SuppressWarnings("try") // the scope is used for its effect only
    public static Evaluation evaluate(Module model, Tensor x, Tensor y) {
        boolean training = model.isTraining();
        model.eval();
        double loss = 0;
        double correct = 0;
        int n = x.size(0);
        try (var noGrad = Grad.disabled()) {
            for (int from = 0; from < n; from += EVAL_ROWS) {
                int to = Math.min(n, from + EVAL_ROWS);
                Tensor logits = model.forward(x.slice(0, from, to));
                Tensor labels = y.slice(0, from, to);
                loss += SUMMED.forward(logits, labels).item();
                correct += correct(logits, labels);
            }
        } finally {
            model.train(training);
        }
        return new Evaluation(loss / n, correct / n);
    }

    /** How many rows' largest logit is at their label. */
    @SuppressWarnings("try") // the scope is used for its effect only
    private static double correct(Tensor logits, Tensor labels) {
        try (var noGrad = Grad.disabled()) {
            return logits.argmax(1, false).eq(labels).sum().item();
        }
    }

    /**
     * Sets {@value #THREADS_PROPERTY} when {@code threads > 0}, for the GEMM kernel to read when it
     * is first used; warns when the kernel was already chosen with another thread count.
     */
    static void applyThreads(int threads) {
        if (threads > 0) {
            System.setProperty(THREADS_PROPERTY, Integer.toString(threads));
            LOG.debug("{}={}", THREADS_PROPERTY, threads);
        }
        if (threads > 0 && Kernels.threads() != threads) {
            LOG.warn("--threads {}: the GEMM kernel '{}' was already set up with {} thread(s) in this JVM", threads,
                    Kernels.gemm().name(), Kernels.threads());
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
