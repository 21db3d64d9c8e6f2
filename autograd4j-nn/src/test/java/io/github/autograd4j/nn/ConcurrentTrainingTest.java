package io.github.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.autograd4j.Grad;
import io.github.autograd4j.Tensor;
import io.github.autograd4j.Value;
import io.github.autograd4j.nn.loss.MSELoss;
import io.github.autograd4j.nn.optim.Adam;
import io.github.autograd4j.nn.optim.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The thread-safety contract of the package javadocs, in use: eight threads each train their own
 * model (tensor engine, with a frozen teacher model shared by all for inference under
 * {@link Grad#disabled()}, and scalar engine) at the same time, and every result is bit for bit
 * what the same jobs give one after another on one thread. The teacher is never changed.
 */
class ConcurrentTrainingTest {

    private static final int THREADS = 8;
    private static final int STEPS = 150;

    /** The shared frozen model: its parameters require grad, but it is only ever run with recording off. */
    private final Module teacher = new Sequential(new Linear(4, 8, new Random(99)), new ReLU(), new Linear(8, 2, new Random(98)));

    /**
     * Job {@code seed}: distils the teacher into its own 4-16-2 network with Adam, and trains a
     * scalar-engine MLP on XOR by hand-written gradient descent. Returns every final parameter,
     * the teacher's outputs it saw last, and the losses along the way.
     */
    private double[] job(int seed) {
        Random rng = new Random(seed);
        Module student = new Sequential(new Linear(4, 16, rng), new Tanh(), new Linear(16, 2, rng));
        Optimizer optimizer = Adam.builder().lr(0.01).build(student.parameters());
        MSELoss criterion = new MSELoss();
        List<Double> out = new ArrayList<>();
        Tensor targets = null;
        for (int step = 0; step < STEPS; step++) {
            Tensor x = Tensor.randn(rng, 16, 4);
            try (var off = Grad.disabled()) {
                targets = teacher.forward(x);
            }
            assertFalse(targets.requiresGrad(), "the teacher's output under Grad.disabled() records nothing");
            optimizer.zeroGrad();
            Tensor loss = criterion.forward(student.forward(x), targets);
            loss.backward();
            optimizer.step();
            out.add(loss.item());
        }
        for (Tensor p : student.parameters()) {
            for (double v : p.toArray()) {
                out.add(v);
            }
        }
        for (double v : targets.toArray()) {
            out.add(v);
        }
        io.github.autograd4j.nn.scalar.ScalarMLP scalar = new io.github.autograd4j.nn.scalar.ScalarMLP(rng, 2, 4, 1);
        double[][] xor = {{0, 0, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}};
        for (int step = 0; step < STEPS / 3; step++) {
            Value loss = Value.of(0.0);
            for (double[] row : xor) {
                loss = loss.add(scalar.forward(row[0], row[1])[0].sub(row[2]).pow(2.0));
            }
            scalar.parameters().forEach(Value::zeroGrad);
            loss.backward();
            for (Value p : scalar.parameters()) {
                p.setData(p.data() - 0.05 * p.grad());
            }
            out.add(loss.data());
        }
        scalar.parameters().forEach(p -> out.add(p.data()));
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void eightThreadsGiveBitIdenticalResultsToASequentialRun() throws Exception {
        List<double[]> teacherBefore = teacher.parameters().stream().map(Tensor::toArray).toList();
        List<double[]> sequential = new ArrayList<>();
        for (int seed = 0; seed < THREADS; seed++) {
            sequential.add(job(seed));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < 2; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<double[]>> futures = new ArrayList<>();
                for (int seed = 0; seed < THREADS; seed++) {
                    int s = seed;
                    Callable<double[]> task = () -> {
                        start.await();
                        return job(s);
                    };
                    futures.add(pool.submit(task));
                }
                start.countDown();
                for (int seed = 0; seed < THREADS; seed++) {
                    assertArrayEquals(sequential.get(seed), futures.get(seed).get(2, TimeUnit.MINUTES),
                            "job " + seed + " on its own thread, round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < teacherBefore.size(); i++) {
            Tensor p = teacher.parameters().get(i);
            assertArrayEquals(teacherBefore.get(i), p.toArray(), "teacher parameter " + i);
            assertNull(p.grad(), "teacher parameter " + i + " never gets a gradient");
        }
        assertEquals(THREADS, sequential.stream().map(Arrays::hashCode).distinct().count(),
                "the jobs differ from each other, so equality is not trivial");
    }
}
