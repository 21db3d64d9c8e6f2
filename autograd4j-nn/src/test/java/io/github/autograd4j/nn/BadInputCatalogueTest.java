package io.github.autograd4j.nn;

import static io.github.autograd4j.ErrorCatalogue.Scenario.watching;

import io.github.autograd4j.Debug;
import io.github.autograd4j.ErrorCatalogue;
import io.github.autograd4j.ErrorCatalogue.Case;
import io.github.autograd4j.ErrorCatalogue.Scenario;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.data.DataLoader;
import io.github.autograd4j.nn.data.Datasets;
import io.github.autograd4j.nn.data.TensorDataset;
import io.github.autograd4j.nn.init.Init;
import io.github.autograd4j.nn.io.Checkpoint;
import io.github.autograd4j.nn.io.SafeTensors;
import io.github.autograd4j.nn.loss.BCELoss;
import io.github.autograd4j.nn.loss.CrossEntropyLoss;
import io.github.autograd4j.nn.loss.HuberLoss;
import io.github.autograd4j.nn.loss.MSELoss;
import io.github.autograd4j.nn.loss.NLLLoss;
import io.github.autograd4j.nn.loss.Reduction;
import io.github.autograd4j.nn.optim.Adam;
import io.github.autograd4j.nn.optim.CosineAnnealingLR;
import io.github.autograd4j.nn.optim.GradClip;
import io.github.autograd4j.nn.optim.Optimizer;
import io.github.autograd4j.nn.optim.ReduceLROnPlateau;
import io.github.autograd4j.nn.optim.SGD;
import io.github.autograd4j.nn.optim.StepLR;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The autograd4j-nn rows (N..) of the bad-input catalogue in docs/errors.md: each bad call throws
 * the documented exception and message, and leaves the model's parameters and gradients, the
 * optimiser's state and the files involved as they were.
 */
class BadInputCatalogueTest {

    @TempDir
    Path temp;

    /** A 3-4-2 network after one Adam step, so that parameters, gradients and optimiser state are all non-trivial. */
    private record Trained(Module net, Optimizer optimizer) {
        static Trained make() {
            Random rng = new Random(7);
            Module net = new Sequential(new Linear(3, 4, rng), new Tanh(), new Linear(4, 2, rng));
            Optimizer optimizer = Adam.builder().lr(0.01).build(net.parameters());
            net.forward(Tensor.randn(rng, 5, 3)).pow(2.0).mean().backward();
            optimizer.step();
            return new Trained(net, optimizer);
        }

        /** The parameters and the optimiser's state tensors. */
        List<Tensor> watched() {
            List<Tensor> all = new ArrayList<>(net.parameters());
            all.addAll(optimizer.stateDict().values());
            return all;
        }

        Tensor input(int rows) {
            return Tensor.randn(new Random(1), rows, 3);
        }
    }

    /** A module with a running mean as a buffer, as a batch norm has. */
    private static final class Holder extends Module {
        Holder(Tensor runningMean) {
            registerBuffer("running_mean", runningMean);
        }

        @Override
        public Tensor forward(Tensor x) {
            return x.sub(buffer("running_mean"));
        }
    }

    /** A checkpoint of a trained network whose metadata are {@code metadata}, restored into another trained network. */
    private static Case restoredWithMetadata(Map<String, String> metadata) {
        return dir -> {
            Path file = dir.resolve("ckpt.safetensors");
            Trained saved = Trained.make();
            Checkpoint.save(file, saved.net().stateDict(), saved.optimizer().stateDict(), metadata);
            Trained target = Trained.make();
            target.net().eval();
            return new Scenario(target.watched(), List.of(file), () -> {
                try {
                    Checkpoint.restore(file, target.net(), target.optimizer());
                } finally {
                    if (target.net().namedModules().values().stream().anyMatch(Module::isTraining)) {
                        throw new AssertionError("a refused restore changed the modes");
                    }
                }
            });
        };
    }

    /** {@code module} after a forward pass of {@code good}, then refusing {@code bad}; its parameters and buffers are watched. */
    private static Case layer(Module module, Tensor good, Tensor bad) {
        return dir -> {
            module.forward(good).sum().backward();
            List<Tensor> watched = new ArrayList<>(module.parameters());
            watched.addAll(module.buffers());
            return watching(watched, () -> module.forward(bad));
        };
    }

    /** The bad call on a freshly trained network; its parameters and optimiser state are watched. */
    private static Case trained(Function<Trained, Executable> bad) {
        return dir -> {
            Trained t = Trained.make();
            return watching(t.watched(), bad.apply(t));
        };
    }

    /** The bad call on a fresh module made by {@code make}; its parameters are watched. */
    private static <M extends Module> Case module(java.util.function.Supplier<M> make, Function<M, Executable> bad) {
        return dir -> {
            M m = make.get();
            return watching(m.parameters(), bad.apply(m));
        };
    }

    /** A checkpoint of a trained network, edited by {@code corrupt}, then restored into another trained network. */
    private static Case corrupted(UnaryOperator<byte[]> corrupt) {
        return dir -> {
            Path file = dir.resolve("ckpt.safetensors");
            Trained saved = Trained.make();
            Checkpoint.save(file, saved.net(), saved.optimizer(), Map.of());
            Files.write(file, corrupt.apply(Files.readAllBytes(file)));
            Trained target = Trained.make();
            return new Scenario(target.watched(), List.of(file),
                    () -> Checkpoint.restore(file, target.net(), target.optimizer()));
        };
    }

    /**
     * {@code bad}, then a check that every one of {@code states} has the state it had before: the
     * watched tensors of a scenario are parameters and copies, so a state's own must be compared.
     */
    private static Executable keepingState(Executable bad, Stateful... states) {
        return () -> {
            List<Map<String, Tensor>> before = Arrays.stream(states).map(Stateful::stateDict).toList();
            try {
                bad.execute();
            } finally {
                for (int i = 0; i < states.length; i++) {
                    Map<String, Tensor> after = states[i].stateDict();
                    Map<String, Tensor> was = before.get(i);
                    if (!after.keySet().equals(was.keySet())
                            || was.keySet().stream().anyMatch(k -> !Arrays.equals(was.get(k).toArray(), after.get(k).toArray()))) {
                        throw new AssertionError("the state of " + states[i].getClass().getSimpleName() + " changed");
                    }
                }
            }
        };
    }

    /** The trained network's optimiser state with {@code edit} applied, loaded back into it. */
    private static Case editedState(java.util.function.Consumer<Map<String, Tensor>> edit) {
        return trained(t -> keepingState(() -> {
            Map<String, Tensor> state = new LinkedHashMap<>(t.optimizer().stateDict());
            edit.accept(state);
            t.optimizer().loadStateDict(state);
        }, t.optimizer()));
    }

    /** A safetensors file with {@code header} as its JSON header and {@code dataBytes} zero bytes after it. */
    private static byte[] safetensors(String header, int dataBytes) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        return b.array();
    }

    /** Reading {@code bytes} as a checkpoint into a trained network. */
    private static Case file(byte[] bytes) {
        return corrupted(original -> bytes);
    }

    @TestFactory
    Stream<DynamicTest> nnRows() {
        Map<String, Case> cases = new LinkedHashMap<>();
        Random rng = new Random(0);
        // modules
        cases.put("N01", trained(t -> () -> new Linear(0, 3, rng)));
        cases.put("N02", trained(t -> () -> t.net().forward(Tensor.randn(rng, 5, 4))));
        cases.put("N03", trained(t -> () -> new MLP(rng, 3)));
        cases.put("N04", trained(t -> () -> new Dropout(1.0, rng)));
        cases.put("N05", trained(t -> () -> new LeakyReLU(Double.POSITIVE_INFINITY)));
        cases.put("N06", trained(t -> () -> t.net().forwardWith(Map.of("0.weight", Tensor.zeros(3, 3)), t.input(5))));
        cases.put("N07", trained(t -> () -> new io.github.autograd4j.nn.scalar.ScalarMLP(rng, 2, 3).forward(1.0, 2.0, 3.0)));
        // losses
        cases.put("N08", trained(t -> () -> new CrossEntropyLoss().forward(t.net().forward(t.input(3)), Tensor.vector(0, 2, 1))));
        cases.put("N09", trained(t -> () -> new CrossEntropyLoss().forward(t.net().forward(t.input(3)), Tensor.vector(0, 0.5, 1))));
        cases.put("N10", trained(t -> () -> new CrossEntropyLoss().forward(t.net().forward(t.input(3)), Tensor.vector(0, 1))));
        cases.put("N11", trained(t -> () -> new MSELoss().forward(t.net().forward(t.input(3)), Tensor.zeros(3, 3))));
        cases.put("N12", trained(t -> () -> new BCELoss().forward(t.net().forward(t.input(3)).sigmoid().add(1), Tensor.zeros(3, 2))));
        cases.put("N13", trained(t -> () -> new CrossEntropyLoss().forward(t.net().forward(t.input(3)), Tensor.vector(0, Double.NaN, 1))));
        cases.put("N14", trained(t -> () -> new HuberLoss(0.0)));
        cases.put("N15", trained(t -> () -> new CrossEntropyLoss().forward(t.net().forward(t.input(0)), Tensor.zeros(0))));
        // optimisers
        cases.put("N16", trained(t -> () -> SGD.builder().lr(0.1).nesterov(true).build(t.net().parameters())));
        cases.put("N17", trained(t -> () -> SGD.builder().lr(-0.1).build(t.net().parameters())));
        cases.put("N18", trained(t -> () -> Adam.builder().betas(0.9, 1.0).build(t.net().parameters())));
        cases.put("N19", trained(t -> () -> SGD.builder().lr(0.1).weightDecay(-1).build(t.net().parameters())));
        cases.put("N20", trained(t -> () -> SGD.builder().lr(0.1).build(List.of())));
        cases.put("N21", trained(t -> () -> SGD.builder().lr(0.1).build(List.of(t.net().forward(t.input(1))))));
        cases.put("N22", trained(t -> () -> t.optimizer().setLr(Double.NaN)));
        cases.put("N23", trained(t -> () -> GradClip.clipGradNorm(t.net().parameters(), -1)));
        cases.put("N24", dir -> {
            Trained t = Trained.make();
            t.net().parameters().get(0).setGrad(Tensor.full(Double.NaN, 4, 3));
            return watching(t.watched(), () -> GradClip.clipGradNorm(t.net().parameters(), 1.0, true));
        });
        cases.put("N25", trained(t -> () -> new StepLR(t.optimizer(), 0, 0.5)));
        cases.put("N26", trained(t -> () -> {
            Map<String, Tensor> state = new LinkedHashMap<>(t.optimizer().stateDict());
            state.remove(state.keySet().iterator().next());
            t.optimizer().loadStateDict(state);
        }));
        // data
        cases.put("N27", trained(t -> () -> new DataLoader(new TensorDataset(t.input(4), Tensor.zeros(4)), 0)));
        cases.put("N28", trained(t -> () -> new TensorDataset(t.input(4), Tensor.zeros(5))));
        cases.put("N29", trained(t -> () -> new DataLoader(new TensorDataset(t.input(0), Tensor.zeros(0)), 2)));
        cases.put("N30", trained(t -> () -> new TensorDataset(t.input(4)).get(4)));
        // initialisers
        cases.put("N31", trained(t -> () -> Init.kaimingUniform(t.net().parameters().get(1), rng)));
        cases.put("N32", trained(t -> () -> Init.normal(t.net().parameters().get(0), 0, -1, rng)));
        // checkpoints
        cases.put("N33", dir -> {
            Path file = dir.resolve("ckpt.safetensors");
            Trained saved = Trained.make();
            Checkpoint.save(file, saved.net(), saved.optimizer(), Map.of());
            Random other = new Random(3);
            Module wider = new Sequential(new Linear(3, 5, other), new Tanh(), new Linear(5, 2, other));
            Optimizer optimizer = Adam.builder().lr(0.01).build(wider.parameters());
            List<Tensor> watched = new ArrayList<>(wider.parameters());
            return new Scenario(watched, List.of(file), () -> Checkpoint.restore(file, wider, optimizer));
        });
        cases.put("N34", corrupted(b -> Arrays.copyOf(b, b.length - 7)));
        cases.put("N35", corrupted(b -> Arrays.copyOf(b, 5)));
        cases.put("N36", corrupted(b -> {
            byte[] lie = b.clone();
            ByteBuffer.wrap(lie).order(ByteOrder.LITTLE_ENDIAN).putLong(0, b.length);
            return lie;
        }));
        cases.put("N37", corrupted(b -> {
            byte[] broken = b.clone();
            broken[8] = '[';
            return broken;
        }));
        cases.put("N38", file(safetensors("{\"w\":{\"dtype\":\"I8\",\"shape\":[2],\"data_offsets\":[0,2]}}", 2)));
        cases.put("N39", file(safetensors("{\"w\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8)));
        cases.put("N40", file(safetensors("{\"w\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}", 8)));
        cases.put("N41", file(safetensors("{\"model.w\":{\"dtype\":\"F64\",\"shape\":[-1],\"data_offsets\":[0,8]}}", 8)));
        cases.put("N42", dir -> {
            Path file = dir.resolve("ckpt.safetensors");
            Trained t = Trained.make();
            return new Scenario(t.watched(), List.of(file), () -> Checkpoint.restore(file, t.net(), t.optimizer()));
        });
        cases.put("N43", dir -> {
            Path file = dir.resolve("ckpt.safetensors");
            SafeTensors.write(file, Map.of("w", Tensor.ones(2)));
            return new Scenario(List.of(), List.of(file), () -> SafeTensors.write(file, Map.of("__metadata__", Tensor.zeros(2))));
        });
        cases.put("N44", trained(t -> () -> {
            try (var anomalies = Debug.detectAnomalies()) {
                t.net().forward(Tensor.of(new double[] {0.5, Double.NaN, 1}, 1, 3));
            }
        }));
        cases.put("N45", dir -> {
            Path file = dir.resolve("ckpt.safetensors");
            Trained saved = Trained.make();
            Checkpoint.save(file, saved.net(), saved.optimizer(), Map.of());
            Trained target = Trained.make();
            Optimizer sgd = SGD.builder().lr(0.1).momentum(0.9).build(target.net().parameters());
            return new Scenario(target.watched(), List.of(file), () -> Checkpoint.restore(file, target.net(), sgd));
        });
        cases.put("N46", dir -> {
            Path file = dir.resolve("weights.safetensors");
            SafeTensors.write(file, Trained.make().net().namedParameters());
            Trained target = Trained.make();
            return new Scenario(target.watched(), List.of(file), () -> Checkpoint.restore(file, target.net(), target.optimizer()));
        });
        cases.put("N47", trained(t -> () -> new DataLoader(new TensorDataset(t.input(4)), 2, true, null, false)));
        cases.put("N48", trained(t -> () -> Datasets.randomSplit(new TensorDataset(t.input(4)), rng, 1, 2)));
        // checked state (issue H)
        cases.put("N49", editedState(state -> {
            state.remove("param.0.exp_avg");
            state.remove("param.0.exp_avg_sq");
        }));
        cases.put("N50", editedState(state -> state.put("param.1.exp_avg_sq", Tensor.vector(-1, 0, 0, 0))));
        cases.put("N51", editedState(state -> state.put("param.1.exp_avg", Tensor.vector(Double.NaN, 0, 0, 0))));
        cases.put("N52", editedState(state -> state.put("group.0.amsgrad", Tensor.scalar(0.5))));
        cases.put("N53", trained(t -> keepingState(() -> {
            var group = ((Adam) t.optimizer()).paramGroups().get(0);
            group.setOptions(group.options().withBetas(0.9, 1.0));
        }, t.optimizer())));
        cases.put("N54", trained(t -> {
            CosineAnnealingLR scheduler = new CosineAnnealingLR(t.optimizer(), 10, 0);
            return keepingState(() -> scheduler.loadStateDict(Map.of("steps", Tensor.scalar(1), "base_lrs", Tensor.vector(0.1, 0.2))),
                    scheduler, t.optimizer());
        }));
        cases.put("N55", trained(t -> {
            StepLR scheduler = new StepLR(t.optimizer(), 2, 0.5);
            return keepingState(() -> scheduler.loadStateDict(Map.of("steps", Tensor.scalar(-1), "base_lrs", Tensor.vector(0.01))),
                    scheduler, t.optimizer());
        }));
        cases.put("N56", trained(t -> {
            ReduceLROnPlateau plateau = ReduceLROnPlateau.builder(t.optimizer()).build();
            Map<String, Tensor> state = new LinkedHashMap<>(plateau.stateDict());
            state.put("best", Tensor.scalar(Double.NaN));
            return keepingState(() -> plateau.loadStateDict(state), plateau);
        }));
        cases.put("N57", dir -> {
            Path file = dir.resolve("ckpt.safetensors");
            Trained saved = Trained.make();
            Checkpoint.save(file, saved.net(), saved.optimizer(), Map.of("loader",
                    new DataLoader(new TensorDataset(saved.input(8)), 4, true, 1L, false)), Map.of());
            Trained target = Trained.make();
            DataLoader loader = new DataLoader(new TensorDataset(target.input(8)), 2, true, 1L, false);
            return new Scenario(target.watched(), List.of(file), keepingState(
                    () -> Checkpoint.restore(file, target.net(), target.optimizer(), Map.of("loader", loader)), target.optimizer(), loader));
        });
        cases.put("N58", trained(t -> {
            DataLoader loader = new DataLoader(new TensorDataset(t.input(8)), 4, true, 1L, false);
            Map<String, Tensor> state = new LinkedHashMap<>(loader.stateDict());
            state.put("batch", Tensor.scalar(3));
            return keepingState(() -> loader.loadStateDict(state), loader);
        }));
        cases.put("N59", trained(t -> () -> new DataLoader(new TensorDataset(t.input(8)), 4, true, new Random(1), false).stateDict()));
        cases.put("N60", dir -> {
            Path file = dir.resolve("ckpt.safetensors");
            Trained t = Trained.make();
            Checkpoint.save(file, t.net(), t.optimizer(), Map.of());
            StepLR scheduler = new StepLR(t.optimizer(), 2, 0.5);
            return new Scenario(t.watched(), List.of(file), keepingState(
                    () -> Checkpoint.restore(file, t.net(), t.optimizer(), Map.of("scheduler", scheduler)), t.optimizer(), scheduler));
        });
        cases.put("N61", dir -> {
            Path file = dir.resolve("ckpt.safetensors");
            Trained t = Trained.make();
            Checkpoint.save(file, t.net(), t.optimizer(), Map.of());
            return new Scenario(t.watched(), List.of(file), () -> Checkpoint.save(file, t.net(), t.optimizer(),
                    Map.of("lr.schedule", new StepLR(t.optimizer(), 2, 0.5)), Map.of()));
        });
        cases.put("N62", corrupted(b -> {
            byte[] lie = b.clone();
            ByteBuffer.wrap(lie).order(ByteOrder.LITTLE_ENDIAN).putLong(0, SafeTensors.MAX_HEADER_BYTES + 1);
            return lie;
        }));
        cases.put("N63", dir -> {
            Path directory = Files.createDirectory(dir.resolve("ckpt.safetensors"));
            Trained t = Trained.make();
            return new Scenario(t.watched(), List.of(), () -> Checkpoint.restore(directory, t.net(), t.optimizer()));
        });
        cases.put("N64", dir -> {
            Path directory = Files.createDirectory(dir.resolve("ckpt.safetensors"));
            Trained t = Trained.make();
            return new Scenario(t.watched(), List.of(), () -> Checkpoint.save(directory, t.net(), t.optimizer(), Map.of()));
        });
        cases.put("N65", dir -> {
            Path file = dir.resolve("missing").resolve("ckpt.safetensors");
            Trained t = Trained.make();
            return new Scenario(t.watched(), List.of(file), () -> Checkpoint.save(file, t.net(), t.optimizer(), Map.of()));
        });
        cases.put("N66", trained(t -> () -> {
            Map<String, Tensor> state = new java.util.LinkedHashMap<>(t.net().stateDict());
            state.put("0.weight", Tensor.zeros(3, 4));
            state.remove("2.bias");
            t.net().loadStateDict(state);
        }));
        cases.put("N70", trained(t -> () -> new Holder(Tensor.zeros(3).requiresGrad(true))));
        cases.put("N71", dir -> {
            Trained t = Trained.make();
            Module net = new Sequential(t.net(), new Holder(Tensor.ones(2)));
            List<Tensor> watched = new ArrayList<>(t.watched());
            watched.addAll(net.buffers());
            Map<String, Tensor> state = new LinkedHashMap<>(net.stateDict());
            state.put("1.running_mean", Tensor.zeros(3));
            return watching(watched, () -> net.loadStateDict(state));
        });
        cases.put("N72", dir -> {
            Path file = dir.resolve("ckpt.safetensors");
            Trained t = Trained.make();
            return new Scenario(t.watched(), List.of(file),
                    () -> Checkpoint.save(file, t.net(), t.optimizer(), Map.of("model.training", "false")));
        });
        cases.put("N73", restoredWithMetadata(Map.of("model.training", "yes")));
        cases.put("N74", restoredWithMetadata(Map.of("model.training", "false", "model.training.exceptions", "1,3")));
        cases.put("N75", trained(t -> () -> new Conv2d(3, 4, 3, ConvOptions.defaults().groups(2))));
        cases.put("N76", trained(t -> () -> new Conv1d(1, 1, 3, ConvOptions.defaults().stride(1, 2))));
        cases.put("N77", trained(t -> () -> new Conv2d(1, 1, 3, ConvOptions.defaults().dilation(0))));
        cases.put("N78", trained(t -> () -> new ConvTranspose2d(1, 1, 3, ConvOptions.defaults().padding("same"))));
        cases.put("N79", trained(t -> () -> new Conv2d(1, 1, 3, ConvOptions.defaults().stride(2).padding("same"))));
        cases.put("N80", trained(t -> () -> new Conv2d(1, 1, 3, ConvOptions.defaults().stride(2).outputPadding(1))));
        Tensor images = Tensor.randn(new Random(2), 2, 3, 4, 4);
        cases.put("N81", layer(new Conv2d(3, 8, new int[] {3}, ConvOptions.defaults().padding(1), new Random(1)), images,
                Tensor.zeros(2, 1, 28, 28)));
        cases.put("N82", layer(new BatchNorm2d(3), images, Tensor.zeros(4, 3)));
        cases.put("N83", layer(new BatchNorm2d(3), images, Tensor.ones(1, 3, 1, 1)));
        cases.put("N84", trained(t -> () -> new BatchNorm1d(0)));
        cases.put("N85", trained(t -> () -> new GroupNorm(3, 4)));
        cases.put("N86", layer(new GroupNorm(2, 4), Tensor.randn(new Random(4), 2, 4, 5), Tensor.zeros(2, 6, 5)));
        cases.put("N87", trained(t -> () -> new AdaptiveAvgPool2d(0, 2)));
        cases.put("N90", trained(t -> () -> new CrossEntropyLoss(Tensor.ones(3), CrossEntropyLoss.DEFAULT_IGNORE_INDEX, Reduction.MEAN, 0.0)
                .forward(t.net().forward(t.input(2)), Tensor.of(0, 1))));
        cases.put("N91", trained(t -> () -> new CrossEntropyLoss(Tensor.ones(2, 2), CrossEntropyLoss.DEFAULT_IGNORE_INDEX, Reduction.MEAN, 0.0)));
        cases.put("N92", trained(t -> () -> new NLLLoss().forward(t.net().forward(t.input(4)).reshape(2, 2, 2), Tensor.zeros(2, 3))));
        cases.put("N93", dir -> watching(List.of(), () -> new Embedding(5, 3, 5, new Random(0))));
        cases.put("N94", module(() -> new LayerNorm(4), m -> () -> m.forward(Tensor.zeros(2, 3))));
        cases.put("N95", dir -> watching(List.of(), () -> new MultiheadAttention(10, 3)));
        cases.put("N96", module(() -> new MultiheadAttention(4, 2), m -> () -> m.forward(Tensor.zeros(5, 2, 3))));
        cases.put("N97", module(() -> new MultiheadAttention(4, 2), m -> () -> {
            Tensor x = Tensor.zeros(5, 2, 4);
            m.forward(x, x, x, Tensor.zeros(5, 2), true, null, true, false);
        }));
        cases.put("N98", module(() -> new LSTM(10, 20), m -> () -> m.forward(Tensor.zeros(5, 3, 8))));
        cases.put("N99", module(() -> new LSTM(10, 20), m -> () -> m.forward(Tensor.zeros(5, 3, 10),
                new LSTMState(Tensor.zeros(2, 3, 20), Tensor.zeros(2, 3, 20)))));
        cases.put("N100", dir -> watching(List.of(), () -> new GRU(4, 8, 0, true, false, 0.0, new Random(0))));
        cases.put("N101", dir -> watching(List.of(), () -> new RNN(4, 8, 2, false, true, false, 1.0, new Random(0))));
        cases.put("N102", module(() -> new LSTMCell(4, 8), m -> () -> m.forward(Tensor.zeros(3, 5), null)));
        cases.put("N103", module(() -> new LSTM(4, 8, 2, true, false, 0.0, new Random(0)),
                m -> () -> m.loadStateDict(new LSTM(4, 8, 1, true, false, 0.0, new Random(1)).stateDict())));
        return ErrorCatalogue.tests("N", cases, temp);
    }
}
