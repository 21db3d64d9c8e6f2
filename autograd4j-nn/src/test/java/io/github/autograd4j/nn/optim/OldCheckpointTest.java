package io.github.autograd4j.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.io.Checkpoint;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints written before options were typed (the files in this package's test resources, made
 * by the code of commit 554e1e2, two steps of each optimiser on {@link Quadratic}) still load: their
 * string keys give the same typed options, and three more steps from them end where five
 * uninterrupted steps of today's code end, bit for bit.
 */
class OldCheckpointTest {

    private static void assertResumes(String file, Function<List<Tensor>, Optimizer> make, List<? extends OptimizerOptions<?>> expected)
            throws Exception {
        List<Tensor> straight = Quadratic.params();
        Optimizer reference = make.apply(straight);
        Quadratic.train(reference, straight, 5);

        Checkpoint old = Checkpoint.load(resource(file));
        List<Tensor> resumed = List.of(
                Tensor.of(old.model().get("p1").toArray(), 2, 3).requiresGrad(true),
                Tensor.of(old.model().get("p2").toArray(), 3).requiresGrad(true));
        Optimizer optimizer = make.apply(resumed);
        optimizer.setLr(0.5); // the file's options replace these
        optimizer.loadStateDict(old.optimizer());
        assertEquals(expected, optimizer.paramGroups().stream().map(ParamGroup::options).toList(), file);
        Quadratic.train(optimizer, resumed, 3);

        assertArrayEquals(straight.get(0).toArray(), resumed.get(0).toArray(), file);
        assertArrayEquals(straight.get(1).toArray(), resumed.get(1).toArray(), file);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(OldCheckpointTest.class.getResource(name + ".safetensors").toURI());
    }

    @Test
    void sgdWithTwoGroupsAndNesterov() throws Exception {
        assertResumes("v0-sgd", p -> SGD.builder().lr(0.05).momentum(0.9)
                        .group(List.of(p.get(0)), g -> g.nesterov(true))
                        .group(List.of(p.get(1)), g -> g.lr(0.01).weightDecay(0.1).dampening(0.2))
                        .build(),
                List.of(new SGDOptions(0.05, 0.9, 0, 0, true, false), new SGDOptions(0.01, 0.9, 0.2, 0.1, false, false)));
    }

    @Test
    void adamAdamWRmspropAndAdagrad() throws Exception {
        assertResumes("v0-adam", p -> Adam.builder().lr(0.05).betas(0.9, 0.5).amsgrad(true).build(p),
                List.of(new AdamOptions(0.05, 0.9, 0.5, 1e-8, 0, true, false)));
        assertResumes("v0-adamw", p -> AdamW.builder().lr(0.05).weightDecay(0.1).build(p),
                List.of(new AdamOptions(0.05, 0.9, 0.999, 1e-8, 0.1, false, false)));
        assertResumes("v0-rmsprop", p -> RMSprop.builder().lr(0.01).momentum(0.5).centered(true).build(p),
                List.of(new RMSpropOptions(0.01, 0.99, 1e-8, 0, 0.5, true, false)));
        assertResumes("v0-adagrad", p -> Adagrad.builder().lr(0.1).lrDecay(0.1).initialAccumulatorValue(0.2).build(p),
                List.of(new AdagradOptions(0.1, 0.1, 0, 0.2, 1e-10, false)));
    }
}
