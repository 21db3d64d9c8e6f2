package io.github.autograd4j.spark;

import io.github.autograd4j.Grad;
import io.github.autograd4j.Shape;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.Stateful;
import io.github.autograd4j.nn.data.Batch;
import io.github.autograd4j.nn.data.DataLoader;
import io.github.autograd4j.nn.data.TensorDataset;
import io.github.autograd4j.nn.loss.Loss;
import io.github.autograd4j.nn.loss.Reduction;
import io.github.autograd4j.nn.optim.LrScheduler;
import io.github.autograd4j.nn.optim.Optimizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * Trains an autograd4j-nn model on a Spark RDD of {@link Sample}s by synchronous data-parallel
 * SGD, with any of nn's optimisers and schedulers. Each step:
 *
 * <ol>
 *   <li>the driver takes the step's global batch: the sample indices a {@link DataLoader}
 *       shuffling with the trainer's seed gives (so a single process running that loader over the
 *       same samples, in the RDD's order, sees the same batches);</li>
 *   <li>it broadcasts the parameters, once, as one array of doubles;</li>
 *   <li>each partition computes, on an executor's replica of the model (made by the model factory), the
 *       gradient of its share of the batch, weighted by the share's size;</li>
 *   <li>{@code treeAggregate} adds the shares up as primitive arrays, in one fixed order whatever
 *       order the tasks finish in ({@link PartitionSums});</li>
 *   <li>the driver sets the gradients, which are those of the mean loss over the batch, and steps
 *       the optimiser and the scheduler (a scheduler steps once per step, so its periods count
 *       steps); every {@code K} steps it writes a checkpoint.</li>
 * </ol>
 *
 * <p>So the parameters after {@code N} steps are those of a single-process run of the same
 * batches, to rounding (1e-12 and better in f64), whatever the number of partitions; with one
 * partition bit for bit. A run repeats exactly for the same partitions, also when Spark retries a
 * failed task, and a run resumed from its checkpoint ends with exactly the weights of a run that
 * was never interrupted.
 *
 * <pre>{@code
 * SparkTrainer trainer = SparkTrainer.builder(() -> new Sequential(new Linear(64, 32), new ReLU(), new Linear(32, 10)),
 *                 CrossEntropyLoss::new)
 *         .optimizer(params -> Adam.builder().lr(0.01).build(params))
 *         .scheduler(opt -> new CosineAnnealingLR(opt, 300, 0.0))
 *         .batchSize(64).seed(0)
 *         .checkpoint("hdfs:///runs/digits.safetensors", 50)     // resumes from it when it exists
 *         .build(samples, new int[] {64}, new int[] {});          // samples: JavaRDD<Sample>
 * trainer.train(300, stats -> System.out.println(stats.step() + " " + stats.loss()));
 * Module trained = trainer.model();
 * }</pre>
 *
 * <p>The model must treat each sample on its own: the loss must be a mean over samples
 * ({@link Reduction#MEAN}), and a module that draws random numbers in training mode
 * ({@code Dropout}) draws them per partition, so such a run is no longer that of one process.
 * {@link Builder#build} checks the samples, the model and the checkpoint before any step; a trainer caches
 * the packed samples on the executors until {@link #close}.
 */
public final class SparkTrainer implements AutoCloseable {

    /** The depth of {@code treeAggregate}: one level of adding on the executors before the driver. */
    private static final int DEPTH = 2;
    private static final String META_STEP = "step";
    private static final String META_SEED = "seed";
    private static final String META_BATCH_SIZE = "batch_size";
    private static final String META_SAMPLES = "samples";

    private final JavaSparkContext sc;
    private final JavaRDD<Block> blocks;
    private final long[] offsets;
    private final long samples;
    private final ModelSpec spec;
    private final Module model;
    private final Optimizer optimizer;
    private final LrScheduler scheduler;
    private final DataLoader batches;
    private final Map<String, Stateful> states;
    private final Builder settings;
    private final CheckpointStore store;
    private Iterator<Batch> epoch;
    private long step;

    private SparkTrainer(Builder b, JavaSparkContext sc, JavaRDD<Block> blocks, long[] offsets, long samples, ModelSpec spec,
                         Module model, Optimizer optimizer, LrScheduler scheduler, CheckpointStore store) {
        this.settings = b;
        this.sc = sc;
        this.blocks = blocks;
        this.offsets = offsets;
        this.samples = samples;
        this.spec = spec;
        this.model = model;
        this.optimizer = optimizer;
        this.scheduler = scheduler;
        this.store = store;
        this.batches = new DataLoader(new TensorDataset(Tensor.arange((int) samples)), b.batchSize, true, b.seed, false);
        Map<String, Stateful> s = new LinkedHashMap<>();
        s.put("loader", batches);
        if (scheduler != null) {
            s.put("scheduler", scheduler);
        }
        this.states = Map.copyOf(s);
    }

    /**
     * A builder for a trainer of the models {@code model} makes, minimising the loss {@code loss} makes.
     *
     * @param model makes the model: once on the driver (the parameters trained, initialised there)
     *              and once per executor thread (replicas that receive those parameters every step)
     * @param loss  makes the loss; its reduction must be {@link Reduction#MEAN}
     * @return the builder
     */
    public static Builder builder(SerializableSupplier<Module> model, SerializableSupplier<Loss> loss) {
        return new Builder(Objects.requireNonNull(model, "SparkTrainer: model factory is null"),
                Objects.requireNonNull(loss, "SparkTrainer: loss factory is null"));
    }

    /** The settings of a {@link SparkTrainer}; {@link #build} checks them against the data and makes it. */
    public static final class Builder {
        private final SerializableSupplier<Module> model;
        private final SerializableSupplier<Loss> loss;
        private Function<List<Tensor>, ? extends Optimizer> optimizer;
        private Function<Optimizer, ? extends LrScheduler> scheduler;
        private int batchSize = 32;
        private long seed;
        private String checkpoint;
        private int checkpointEvery;
        private boolean checkpointViaHadoop;

        private Builder(SerializableSupplier<Module> model, SerializableSupplier<Loss> loss) {
            this.model = model;
            this.loss = loss;
        }

        /**
         * How to make the optimiser of the driver's model, e.g. {@code params -> new SGD(params, 0.1)}.
         *
         * @param optimizer makes the optimiser from the model's parameters
         * @return this builder
         */
        public Builder optimizer(Function<List<Tensor>, ? extends Optimizer> optimizer) {
            this.optimizer = Objects.requireNonNull(optimizer, "SparkTrainer: optimizer factory is null");
            return this;
        }

        /**
         * How to make a learning-rate scheduler of the optimiser, stepped after every optimiser step.
         *
         * @param scheduler makes the scheduler from the optimiser
         * @return this builder
         */
        public Builder scheduler(Function<Optimizer, ? extends LrScheduler> scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "SparkTrainer: scheduler factory is null");
            return this;
        }

        /**
         * The number of samples in a global batch (32 unless set); the last batch of an epoch may be smaller.
         *
         * @param batchSize the samples per step, over all partitions
         * @return this builder
         * @throws IllegalArgumentException when it is less than 1
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("SparkTrainer: batch size must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * The seed of the batches' order (0 unless set); the model's initial weights come from the
         * driver's {@code Generator} or the model factory.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Checkpoints the model, the optimiser, the scheduler and the position in the data to
         * {@code path} (any Hadoop file system) every {@code every} steps, and resumes from it when
         * it exists as the trainer is built.
         *
         * @param path  the checkpoint file; its directory must exist
         * @param every the steps between checkpoints
         * @return this builder
         * @throws IllegalArgumentException when {@code every} is less than 1
         */
        public Builder checkpoint(String path, int every) {
            Objects.requireNonNull(path, "SparkTrainer: checkpoint path is null");
            if (every < 1) {
                throw new IllegalArgumentException("SparkTrainer: checkpoint every " + every + " steps; expected at least 1");
            }
            this.checkpoint = path;
            this.checkpointEvery = every;
            return this;
        }

        /** Writes checkpoints through Hadoop's file system API even on the local file system (tests of that route). */
        Builder checkpointViaHadoop() {
            this.checkpointViaHadoop = true;
            return this;
        }

        /**
         * Checks everything before any step and makes the trainer: packs and caches the samples
         * on the executors (one Spark job), checks that every sample has the given shapes and that
         * the model and the loss take a sample, and resumes from the checkpoint when there is one.
         *
         * @param samples     the training samples; their order in the RDD is the order of the indices
         * @param inputShape  the shape of one sample's input, e.g. {@code {64}}
         * @param targetShape the shape of one sample's target, e.g. {@code {}} for a class index
         * @return the trainer
         * @throws IllegalArgumentException when there are no samples, a sample does not fit the
         *                                  shapes, the model or loss do not fit them, or the checkpoint
         *                                  is of another run; nothing is cached or written then
         * @throws IOException              when the checkpoint cannot be read
         */
        public SparkTrainer build(JavaRDD<Sample> samples, int[] inputShape, int[] targetShape) throws IOException {
            Objects.requireNonNull(samples, "SparkTrainer: samples are null");
            Objects.requireNonNull(optimizer, "SparkTrainer: no optimizer; give one with optimizer(params -> ...)");
            Shape in = Shape.of("SparkTrainer input shape", Objects.requireNonNull(inputShape, "SparkTrainer: input shape is null"));
            Shape out = Shape.of("SparkTrainer target shape", Objects.requireNonNull(targetShape, "SparkTrainer: target shape is null"));
            Loss criterion = Objects.requireNonNull(loss.get(), "SparkTrainer: the loss factory made null");
            if (criterion.reduction() != Reduction.MEAN) {
                throw new IllegalArgumentException("SparkTrainer: the loss " + criterion + " must reduce by MEAN: the"
                        + " partitions' shares of a batch are weighted to add up to the mean over the batch");
            }
            Module driverModel = Objects.requireNonNull(model.get(), "SparkTrainer: the model factory made null");
            Optimizer opt = Objects.requireNonNull(optimizer.apply(driverModel.parameters()), "SparkTrainer: the optimizer factory made null");
            LrScheduler sched = scheduler == null ? null
                    : Objects.requireNonNull(scheduler.apply(opt), "SparkTrainer: the scheduler factory made null");
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(samples.context());
            CheckpointStore store = checkpoint == null ? null
                    : new CheckpointStore(checkpoint, sc.hadoopConfiguration(), checkpointViaHadoop);
            ModelSpec spec = ModelSpec.of(model, loss, inputShape, targetShape, driverModel);
            String inName = in.toString();
            String outName = out.toString();
            int inSize = in.numel();
            int outSize = out.numel();
            JavaRDD<Block> blocks = samples
                    .mapPartitionsWithIndex((i, it) -> List.of(Block.pack(i, it, inName, inSize, outName, outSize)).iterator(), true)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                List<Block.Summary> summaries = blocks.map(Block::summary).collect();
                long[] offsets = offsets(summaries);
                long total = offsets[offsets.length - 1];
                Sample first = summaries.stream().filter(s -> s.first() != null).map(Block.Summary::first).findFirst().orElse(null);
                if (total > Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException("SparkTrainer: " + total + " samples; at most " + (Integer.MAX_VALUE - 8)
                            + " can be indexed");
                }
                checkFits(driverModel, criterion, first, inputShape, targetShape);
                SparkTrainer trainer = new SparkTrainer(this, sc, blocks, offsets, total, spec, driverModel, opt, sched, store);
                trainer.resume();
                return trainer;
            } catch (IOException | RuntimeException e) {
                blocks.unpersist(false);
                throw e;
            }
        }

        /**
         * The single-process run of the same global batches: the README's training loop, with a
         * {@link DataLoader} shuffling {@code inputs} and {@code targets} (the samples' rows, in the
         * RDD's order) with this builder's seed and batch size, the same optimiser and scheduler,
         * stopped after {@code steps} steps. What a {@link SparkTrainer} of these settings computes
         * in as many steps, to rounding: for comparisons and for measuring what distribution costs.
         *
         * @param inputs  the inputs, one row per sample
         * @param targets the targets, one row per sample
         * @param steps   the number of steps
         * @return the trained model
         * @throws IllegalArgumentException when {@code steps} is negative or the tensors' rows differ
         */
        public Module trainLocally(Tensor inputs, Tensor targets, long steps) {
            Objects.requireNonNull(optimizer, "SparkTrainer: no optimizer; give one with optimizer(params -> ...)");
            if (steps < 0) {
                throw new IllegalArgumentException("SparkTrainer.trainLocally: steps must be >= 0, got " + steps);
            }
            DataLoader loader = new DataLoader(new TensorDataset(inputs, targets), batchSize, true, seed, false);
            Loss criterion = loss.get();
            Module net = model.get();
            Optimizer opt = optimizer.apply(net.parameters());
            LrScheduler sched = scheduler == null ? null : scheduler.apply(opt);
            long done = 0;
            while (done < steps) {
                for (Iterator<Batch> it = loader.iterator(); it.hasNext() && done < steps; done++) {
                    Batch batch = it.next();
                    opt.zeroGrad();
                    criterion.forward(net.forward(batch.get(0)), batch.get(1)).backward();
                    opt.step();
                    if (sched != null) {
                        sched.step();
                    }
                }
            }
            return net;
        }

        /** The first sample index of each partition, then the number of samples; checks the partitions' problems. */
        private static long[] offsets(List<Block.Summary> summaries) {
            long[] offsets = new long[summaries.size() + 1];
            for (Block.Summary s : summaries) {
                if (s.problem() != null) {
                    throw new IllegalArgumentException("SparkTrainer: sample " + (offsets[s.partition()] + s.count()) + " (partition "
                            + s.partition() + ") " + s.problem());
                }
                offsets[s.partition() + 1] = offsets[s.partition()] + s.count();
            }
            if (offsets[summaries.size()] == 0) {
                throw new IllegalArgumentException("SparkTrainer: the samples are empty (" + summaries.size()
                        + " partitions, no sample); there is nothing to train on");
            }
            return offsets;
        }

        private static void checkFits(Module model, Loss loss, Sample first, int[] inputShape, int[] targetShape) {
            Tensor x = Tensor.of(first.input(), GradientTask.batchShape(1, inputShape));
            Tensor y = Tensor.of(first.target(), GradientTask.batchShape(1, targetShape));
            try (var noGrad = Grad.disabled()) {
                loss.forward(model.forward(x), y);
            } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("SparkTrainer: the model or the loss does not fit the samples: on a batch of one"
                        + " input of shape " + x.shape() + " and target of shape " + y.shape() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Loads the checkpoint when there is one, after checking it is of this run. */
    private void resume() throws IOException {
        if (store == null || !store.exists()) {
            return;
        }
        Map<String, String> saved = store.metadata();
        Map<String, String> mine = metadata();
        for (String key : List.of(META_SEED, META_BATCH_SIZE, META_SAMPLES)) {
            if (!Objects.equals(saved.get(key), mine.get(key))) {
                throw new IllegalArgumentException("SparkTrainer: checkpoint " + store.name() + " was written by a run with "
                        + key + " " + saved.get(key) + " but this run has " + mine.get(key)
                        + "; resuming would not continue the same run");
            }
        }
        store.restore(model, optimizer, states);
        step = Long.parseLong(saved.get(META_STEP));
    }

    private Map<String, String> metadata() {
        return Map.of(META_STEP, Long.toString(step), META_SEED, Long.toString(settings.seed),
                META_BATCH_SIZE, Integer.toString(settings.batchSize), META_SAMPLES, Long.toString(samples));
    }

    /**
     * Trains until {@code steps} steps are done in all, counting those of the checkpoint the
     * trainer resumed from.
     *
     * @param steps the total number of steps
     * @return the statistics of the steps taken now
     * @throws IOException when a checkpoint cannot be written (the previous one is then intact)
     */
    public List<StepStats> train(long steps) throws IOException {
        List<StepStats> taken = new ArrayList<>();
        train(steps, taken::add);
        return taken;
    }

    /**
     * Trains until {@code steps} steps are done in all, handing each step's statistics to
     * {@code listener} as it ends (after its checkpoint). A step whose job fails (a task failing
     * more often than Spark retries it) changes nothing: its exception propagates, and the next
     * call starts with the same batch.
     *
     * @param steps    the total number of steps
     * @param listener receives each step's statistics
     * @throws IOException when a checkpoint cannot be written (the previous one is then intact)
     */
    public void train(long steps, Consumer<StepStats> listener) throws IOException {
        Objects.requireNonNull(listener, "SparkTrainer.train: listener is null");
        if (steps < 0) {
            throw new IllegalArgumentException("SparkTrainer.train: steps must be >= 0, got " + steps);
        }
        while (step < steps) {
            listener.accept(step());
        }
    }

    private StepStats step() throws IOException {
        if (epoch == null || !epoch.hasNext()) {
            epoch = batches.iterator();
        }
        Map<String, Tensor> position = batches.stateDict();
        int[] batch = toIndices(epoch.next().get(0));
        long t0 = System.nanoTime();
        Broadcast<double[]> parameters = sc.broadcast(ModelSpec.flatten(model.parameters()));
        long t1 = System.nanoTime();
        GradientTask task = new GradientTask(spec, parameters, batch, offsets);
        double[] sum;
        boolean done = false;
        try {
            sum = blocks.treeAggregate(PartitionSums.empty(blocks.getNumPartitions(), DEPTH),
                    (acc, block) -> acc.add(block.partition(), task.apply(block)), PartitionSums::merge, DEPTH).total();
            done = true;
        } finally {
            parameters.destroy();
            if (!done) {
                // a job that failed (after Spark's retries) took no step: the next one takes the same batch
                batches.loadStateDict(position);
                epoch = null;
            }
        }
        long t2 = System.nanoTime();
        setGradients(sum);
        optimizer.step();
        if (scheduler != null) {
            scheduler.step();
        }
        step++;
        long t3 = System.nanoTime();
        if (store != null && step % settings.checkpointEvery == 0) {
            store.save(model, optimizer, states, metadata());
        }
        long t4 = System.nanoTime();
        int end = spec.parameterCount() + spec.names().size();
        return new StepStats(step, (int) position.get("epoch").item(), batch.length, sum[end], t1 - t0, t2 - t1, t3 - t2, t4 - t3,
                (long) sum[end + 1], (long) sum[end + 2], (long) sum[end + 3], (long) sum[end + 4]);
    }

    private static int[] toIndices(Tensor indices) {
        double[] values = indices.storage();
        int[] batch = new int[values.length];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = (int) values[i];
        }
        return batch;
    }

    /** Gives each parameter its part of the summed gradient, or none when no gradient reached it (as a single process would). */
    private void setGradients(double[] sum) {
        List<Tensor> params = model.parameters();
        int p = spec.parameterCount();
        int at = 0;
        for (int i = 0; i < params.size(); i++) {
            Tensor t = params.get(i);
            double[] grad = new double[t.numel()];
            System.arraycopy(sum, at, grad, 0, grad.length);
            t.setGrad(sum[p + i] > 0 ? Tensor.of(grad, t.shape().toArray()) : null);
            at += grad.length;
        }
    }

    /**
     * The model trained on the driver: its parameters are the run's.
     *
     * @return the model
     */
    public Module model() {
        return model;
    }

    /**
     * The optimiser of the model's parameters.
     *
     * @return the optimiser
     */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * The steps done, those of the checkpoint resumed from included.
     *
     * @return the steps
     */
    public long steps() {
        return step;
    }

    /**
     * The number of training samples.
     *
     * @return the samples over all partitions
     */
    public long samples() {
        return samples;
    }

    /** Drops the packed samples cached on the executors. */
    @Override
    public void close() {
        blocks.unpersist(false);
    }
}
