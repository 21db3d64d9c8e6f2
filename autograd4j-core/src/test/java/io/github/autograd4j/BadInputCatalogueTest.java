package io.github.autograd4j;

import static io.github.autograd4j.ErrorCatalogue.Scenario.watching;

import io.github.autograd4j.ErrorCatalogue.Case;
import io.github.autograd4j.graph.Graph;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The autograd4j-core rows (C..) of the bad-input catalogue in docs/errors.md: each bad call throws
 * the documented exception and message, and leaves the watched tensors' data and gradients as
 * they were.
 */
class BadInputCatalogueTest {

    @TempDir
    Path temp;

    /** A (2, 3) parameter with a gradient, the usual bystander. */
    private static Tensor w() {
        return Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).requiresGrad(true).label("w");
    }

    private static Case on(Function<Tensor, Executable> bad) {
        return dir -> {
            Tensor w = w();
            return watching(List.of(w), bad.apply(w));
        };
    }

    /** A bad batch norm call, watching the running statistics {@code (3,)} it is given (and the bystander). */
    private static Case runningStatistics(java.util.function.BiFunction<Tensor, Tensor, Executable> bad) {
        return dir -> {
            Tensor mean = Tensor.of(0.5, -0.5, 1);
            Tensor var = Tensor.of(1, 2, 3);
            return watching(List.of(w(), mean, var), bad.apply(mean, var));
        };
    }

    /**
     * Opens a scope on a thread named "opener" and closes it on this one (the bad call); then
     * closes it where it was opened, so that no scope stays open after the row.
     */
    private static Executable closedOnAnotherThread(Callable<AutoCloseable> open) {
        return () -> {
            ExecutorService opener = Executors.newSingleThreadExecutor(r -> new Thread(r, "opener"));
            AutoCloseable scope = opener.submit(open).get();
            try {
                scope.close();
            } finally {
                opener.submit(() -> {
                    scope.close();
                    return null;
                }).get();
                opener.shutdown();
            }
        };
    }

    @TestFactory
    Stream<DynamicTest> coreRows() {
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("C01", on(w -> () -> w.matmul(Tensor.zeros(4, 5))));
        cases.put("C02", on(w -> () -> w.mul(Tensor.ones(2))));
        cases.put("C03", on(w -> () -> w.sum(3, false)));
        cases.put("C04", on(w -> () -> w.reshape(4)));
        cases.put("C05", on(w -> () -> Tensor.of(new double[5], 2, 3)));
        cases.put("C06", on(w -> () -> Tensor.zeros(2, -3)));
        cases.put("C07", on(w -> () -> Tensor.of(new double[][] {{1, 2}, {3}})));
        cases.put("C08", on(w -> () -> w.mul(3).backward()));
        cases.put("C09", on(w -> () -> Tensor.ones(2).sum().backward()));
        cases.put("C10", on(w -> () -> w.mul(w).sum().backward(Tensor.ones(2))));
        cases.put("C11", dir -> {
            Tensor w = w();
            Tensor y = w.exp().sum();
            y.backward();
            return watching(List.of(w), y::backward);
        });
        cases.put("C12", on(w -> w::item));
        cases.put("C13", on(w -> () -> w.transpose(0, 2)));
        cases.put("C14", on(w -> () -> w.permute(0, 0)));
        cases.put("C15", on(w -> () -> w.select(1, 3)));
        cases.put("C16", on(w -> () -> w.slice(1, 0, 3, 0)));
        cases.put("C17", on(w -> () -> w.indexSelect(0, 0, 2)));
        cases.put("C18", on(w -> () -> w.gather(1, Tensor.of(new double[][] {{0, 3}, {1, 1}}))));
        cases.put("C19", on(w -> () -> Tensor.cat(0, w, Tensor.zeros(2, 2))));
        cases.put("C20", on(w -> () -> Tensor.stack(0, w, Tensor.zeros(3, 2))));
        cases.put("C21", on(w -> () -> w.expand(3, 3)));
        cases.put("C22", on(w -> w::inv));
        cases.put("C23", on(w -> () -> Tensor.of(new double[][] {{1, 2}, {2, 1}}).requiresGrad(true).cholesky()));
        cases.put("C24", on(w -> () -> w.setGrad(Tensor.zeros(3, 2))));
        cases.put("C25", on(w -> () -> w.leakyRelu(Double.NaN)));
        cases.put("C26", on(w -> () -> Tensor.arange(0, 1, 0)));
        cases.put("C27", on(w -> () -> Tensor.linspace(0, 1, -1)));
        cases.put("C28", on(w -> () -> w.softmax(2)));
        cases.put("C29", on(w -> () -> w.split(0, 1)));
        cases.put("C30", on(w -> () -> Tensor.zeros(0, 3).max()));
        cases.put("C31", on(w -> () -> w.mul(2).requiresGrad(false)));
        cases.put("C32", on(w -> () -> w.chunk(0, 1)));
        cases.put("C33", dir -> {
            Value v = Value.of(1.0);
            return watching(List.of(), () -> v.add((Value) null));
        });
        cases.put("C34", on(w -> () -> GradCheck.of(t -> t[0].sum(), w).eps(0).check()));
        cases.put("C35", on(w -> () -> Autograd.grad(w.sum(), List.of(Tensor.ones(2)), false)));
        cases.put("C36", on(w -> () -> {
            try (var anomalies = Debug.detectAnomalies()) {
                Tensor.of(new double[] {1, Double.NaN, 3, 4, 5, 6}, 2, 3).mul(w);
            }
        }));
        cases.put("C37", on(w -> () -> {
            try (var anomalies = Debug.detectAnomalies()) {
                w.sub(1).sqrt().sum().backward();
            }
        }));
        cases.put("C38", on(w -> () -> Tensor.ones(65536, 1).mul(Tensor.ones(1, 65536))));
        cases.put("C39", on(w -> () -> Tensor.ones(65536, 1, 1, 1).matmul(Tensor.ones(1, 65536, 1, 1))));
        cases.put("C40", on(w -> () -> Tensor.ones(1, 1).expand(65536, 65536)));
        cases.put("C41", on(w -> () -> {
            Tensor[] rows = new Tensor[65536];
            Arrays.fill(rows, Tensor.ones(1, 32768));
            Tensor.cat(0, rows);
        }));
        cases.put("C42", on(w -> () -> Tensor.zeros(65536, 65536)));
        cases.put("C43", on(w -> () -> Tensor.arange(0, 3e9, 1)));
        cases.put("C44", on(w -> () -> {
            Grad.Scope outer = Grad.disabled();
            Grad.Scope inner = Grad.enabled();
            try {
                outer.close();
            } finally {
                inner.close();
                outer.close();
            }
        }));
        cases.put("C45", on(w -> closedOnAnotherThread(Debug::detectAnomalies)));
        cases.put("C46", on(w -> () -> Tensor.of(new double[6], (int[]) null)));
        cases.put("C47", on(w -> () -> w.matmul(null)));
        cases.put("C48", dir -> {
            Tensor w = w();
            Tensor loss = w.mul(2).sum();
            loss.backward();
            return watching(List.of(w), () -> Graph.of(loss).find("w"));
        });
        cases.put("C49", on(w -> () -> Tensor.where(Tensor.ones(1), Tensor.ones(65536, 1), Tensor.ones(1, 65536))));
        cases.put("C50", on(w -> () -> Tensor.ones(65536).outer(Tensor.ones(65536))));
        cases.put("C51", on(w -> () -> Tensor.ones(1, 65536).indexSelect(0, new int[65536])));
        cases.put("C52", on(w -> () -> Tensor.zeros(0).reshape(65536, 65536, 0)));
        cases.put("C53", on(w -> closedOnAnotherThread(Grad::disabled)));
        cases.put("C54", on(w -> () -> w.reshape((int[]) null)));
        cases.put("C55", on(w -> () -> new CustomOp("scaledSum") {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                return in[0].mul(2).add(in[1]);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor g) {
                return new Tensor[] {g.mul(2), g};
            }
        }.apply(w, null)));
        cases.put("C56", on(w -> () -> Graph.of(w.sum()).find(null)));
        cases.put("C57", dir -> {
            Tensor w = w();
            Tensor loss = w.mul(w).sum();
            try (var off = Grad.disabled()) {
                w.copyFrom(Tensor.ones(2, 3));
            }
            return watching(List.of(w), loss::backward);
        });
        cases.put("C58", dir -> {
            Tensor w = w();
            Tensor y = w.exp();
            try (var off = Grad.disabled()) {
                y.detach().copyFrom(Tensor.zeros(2, 3));
            }
            return watching(List.of(w), () -> y.sum().backward());
        });
        cases.put("C59", on(w -> () -> {
            Value a = Value.of(2.0, "a");
            Value y = a.mul(a);
            a.setData(3.0);
            y.backward();
        }));
        cases.put("C60", on(w -> () -> w.detach().to(DType.FLOAT32).label("w").storage()));
        cases.put("C61", on(w -> () -> GradCheck.of(t -> t[0].to(DType.FLOAT32), w).check()));
        cases.put("C62", on(w -> () -> io.github.autograd4j.graph.GraphReport.of(Graph.of(w.mul(2))).nodeLimit(0)));
        cases.put("C63", dir -> {
            Path file = dir.resolve("missing").resolve("report.html");
            Tensor w = w();
            return new ErrorCatalogue.Scenario(List.of(w), List.of(file), () -> Graph.of(w.mul(2)).writeHtml(file));
        });
        cases.put("C64", dir -> {
            Path file = java.nio.file.Files.createDirectory(dir.resolve("report.html"));
            Tensor w = w();
            return new ErrorCatalogue.Scenario(List.of(w), List.of(), () -> Graph.of(w.mul(2)).writeHtml(file));
        });
        int[] one = {1};
        int[] zero = {0};
        cases.put("C70", on(w -> () -> Tensor.conv2d(Tensor.zeros(2, 3), Tensor.zeros(4, 2, 3, 3), null)));
        cases.put("C71", on(w -> () -> Tensor.conv2d(Tensor.zeros(1, 2, 5, 5), Tensor.zeros(4, 2, 3), null)));
        cases.put("C72", on(w -> () -> Tensor.conv2d(Tensor.zeros(1, 3, 8, 8), Tensor.zeros(4, 2, 3, 3), null)));
        cases.put("C73", on(w -> () -> Tensor.conv2d(Tensor.zeros(1, 4, 5, 5), Tensor.zeros(6, 1, 3, 3), null, one, zero, one, 4)));
        cases.put("C74", on(w -> () -> Tensor.conv2d(Tensor.zeros(1, 2, 5, 5), Tensor.zeros(4, 2, 3, 3), Tensor.zeros(3))));
        cases.put("C75", on(w -> () -> Tensor.conv2d(Tensor.zeros(1, 1, 2, 2), Tensor.zeros(1, 1, 3, 3), null)));
        cases.put("C76", on(w -> () -> Tensor.conv2d(Tensor.zeros(1, 2, 5, 5), Tensor.zeros(4, 2, 3, 3), null, new int[] {1, 0},
                zero, one, 1)));
        cases.put("C77", on(w -> () -> Tensor.zeros(1, 1, 4, 4).maxPool2d(new int[] {2, 2, 2}, one, zero, one, false)));
        cases.put("C78", on(w -> () -> Tensor.conv2d(Tensor.zeros(1, 2, 5, 5), Tensor.zeros(4, 2, 3, 3), null, one, "full", one, 1)));
        cases.put("C79", on(w -> () -> Tensor.conv1d(Tensor.zeros(1, 2, 5), Tensor.zeros(1, 2, 3), null, 2, "same", 1, 1)));
        cases.put("C80", on(w -> () -> Tensor.convTranspose2d(Tensor.zeros(1, 2, 3, 3), Tensor.zeros(2, 2, 3, 3), null,
                new int[] {2}, zero, new int[] {2}, 1, one)));
        cases.put("C81", on(w -> () -> Tensor.convTranspose2d(Tensor.zeros(1, 4, 1, 1), Tensor.zeros(4, 2, 3, 3), null, one,
                new int[] {2}, zero, 1, one)));
        cases.put("C82", on(w -> () -> Tensor.zeros(1, 1, 4, 4).maxPool2d(new int[] {2}, new int[] {2}, new int[] {2}, one, false)));
        cases.put("C83", on(w -> () -> Tensor.zeros(1, 1, 2, 2).avgPool2d(3)));
        cases.put("C84", on(w -> () -> Tensor.zeros(1, 0, 3).adaptiveAvgPool2d(1, 1)));
        cases.put("C85", on(w -> () -> Tensor.batchNorm(Tensor.zeros(3), null, null, null, null, true, 0.1, 1e-5)));
        cases.put("C86", runningStatistics((mean, var) -> () -> Tensor.batchNorm(Tensor.ones(4, 3), Tensor.zeros(2), var,
                null, null, true, 0.1, 1e-5)));
        cases.put("C87", on(w -> () -> Tensor.batchNorm(Tensor.ones(4, 3), null, null, w.select(0, 0), null, false, 0.1, 1e-5)));
        cases.put("C88", runningStatistics((mean, var) -> () -> Tensor.batchNorm(Tensor.ones(1, 3), mean, var, null, null,
                true, 0.1, 1e-5)));
        cases.put("C89", on(w -> () -> Tensor.groupNorm(Tensor.ones(2, 3, 4), 2, null, null, 1e-5)));
        cases.put("C90", on(w -> () -> Tensor.embedding(Tensor.of(0, 2), w)));
        cases.put("C91", on(w -> () -> Tensor.embedding(Tensor.of(0.5), w)));
        cases.put("C92", on(w -> () -> Tensor.embedding(Tensor.of(0), w.flatten())));
        cases.put("C93", on(w -> () -> Tensor.embedding(Tensor.of(0), w, 2)));
        cases.put("C94", on(w -> () -> Tensor.of(1, 3).oneHot(3)));
        cases.put("C95", on(w -> () -> Tensor.zeros(0).oneHot(-1)));
        cases.put("C96", on(w -> () -> Tensor.layerNorm(w, new int[] {2}, null, null, 1e-5)));
        cases.put("C97", on(w -> () -> Tensor.layerNorm(w, new int[] {3}, Tensor.ones(2), null, 1e-5)));
        cases.put("C98", on(w -> () -> w.layerNorm()));
        cases.put("C99", on(w -> () -> Tensor.scaledDotProductAttention(w, Tensor.ones(4, 2), Tensor.ones(4, 2), null, false)));
        cases.put("C100", on(w -> () -> Tensor.scaledDotProductAttention(w, w, Tensor.ones(3, 3), null, false)));
        cases.put("C101", on(w -> () -> Tensor.scaledDotProductAttention(w, w, w, Tensor.zeros(3, 3), false)));
        cases.put("C102", on(w -> () -> Tensor.scaledDotProductAttention(Tensor.ones(3), w, w, null, false)));
        return ErrorCatalogue.tests("C", cases, temp);
    }
}
