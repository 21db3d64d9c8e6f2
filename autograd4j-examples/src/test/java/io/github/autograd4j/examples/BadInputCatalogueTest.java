package io.github.autograd4j.examples;

import io.github.autograd4j.DType;
import io.github.autograd4j.ErrorCatalogue;
import io.github.autograd4j.ErrorCatalogue.Case;
import io.github.autograd4j.ErrorCatalogue.Scenario;
import io.github.autograd4j.examples.data.BundledData;
import io.github.autograd4j.examples.data.Idx;
import io.github.autograd4j.examples.data.IdxFiles;
import io.github.autograd4j.examples.train.OptimizerKind;
import io.github.autograd4j.examples.train.Progress;
import io.github.autograd4j.examples.train.TrainOptions;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/** The rows of docs/errors.md for autograd4j-examples' files and options (prefix X): data files, checkpoints to resume, output directories. */
class BadInputCatalogueTest {

    @TempDir
    Path temp;

    /** A bad call that must leave {@code file} as it was. */
    private static Scenario watchingFile(Path file, Executable bad) {
        return new Scenario(List.of(), List.of(file), bad);
    }

    private static Case idx(String name, int magic, int[] dims, int bodyBytes, boolean images) {
        return dir -> {
            Path file = IdxFiles.write(dir.resolve(name), magic, dims, new byte[bodyBytes]);
            return watchingFile(file, () -> {
                if (images) {
                    Idx.readImages(file);
                } else {
                    Idx.readLabels(file);
                }
            });
        };
    }

    /** A gzipped IDX label file of three labels, its bytes changed by {@code damage}. */
    private static Case damagedGzip(String name, java.util.function.UnaryOperator<byte[]> damage) {
        return dir -> {
            Path good = IdxFiles.write(dir.resolve("good.gz"), Idx.LABELS_MAGIC, new int[] {3}, new byte[] {4, 0, 9});
            Path file = Files.write(dir.resolve(name), damage.apply(Files.readAllBytes(good)));
            return watchingFile(file, () -> Idx.readLabels(file));
        };
    }

    private static Executable parseIris(String text) {
        return () -> BundledData.parseIris(new BufferedReader(new StringReader(text)), "iris.csv");
    }

    /** Runs digits with {@code options}. */
    private static Executable digits(TrainOptions options) {
        return () -> DigitsExample.run(new DigitsExample.Config(options, new Silent().out()));
    }

    /** Trains digits for one epoch with a checkpoint, then runs {@code resumed} against that checkpoint. */
    private static Case resuming(java.util.function.BiFunction<Path, Path, TrainOptions> resumed) {
        return resuming(1, resumed);
    }

    /** Trains digits for {@code epochs} epochs with a checkpoint, then runs {@code resumed} against that checkpoint. */
    private static Case resuming(int epochs, java.util.function.BiFunction<Path, Path, TrainOptions> resumed) {
        return dir -> {
            Path checkpoint = dir.resolve("digits.safetensors");
            TrainOptions first = DigitsExample.defaults().withEpochs(epochs).withOut(dir).withCheckpoints(checkpoint, null);
            DigitsExample.run(new DigitsExample.Config(first, new Silent().out()));
            TrainOptions bad = resumed.apply(dir, checkpoint);
            return watchingFile(checkpoint, digits(bad));
        };
    }

    @TestFactory
    Stream<DynamicTest> examplesRows() {
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("X01", idx("train-labels-idx1-ubyte", Idx.LABELS_MAGIC, new int[] {1}, 1, true));
        cases.put("X02", idx("t10k-labels-idx1-ubyte.gz", 0x00000C01, new int[] {1}, 1, false));
        cases.put("X03", idx("short.gz", Idx.IMAGES_MAGIC, new int[] {2, 2, 2}, 5, true));
        cases.put("X04", idx("long", Idx.LABELS_MAGIC, new int[] {2}, 3, false));
        cases.put("X05", idx("header", Idx.IMAGES_MAGIC, new int[] {2}, 0, true));
        cases.put("X06", dir -> Scenario.watching(List.of(), parseIris("2,4,a,b\n5.1,3.5,1.4,0.2,0\n4.9,3.0,1.4,0.2")));
        cases.put("X07", dir -> Scenario.watching(List.of(), parseIris("2,4,a,b\n5.1,3.5,1.4,0.2,0\n4.9,x,1.4,0.2,1")));
        cases.put("X08", dir -> Scenario.watching(List.of(), () -> BundledData.parseDigits(
                new BufferedReader(new StringReader("0,".repeat(63) + "17,3")), "digits.csv")));
        cases.put("X09", resuming((dir, checkpoint) ->
                new TrainOptions(2, 32, 1e-2, OptimizerKind.ADAM, 7, 0, 0, dir, Progress.Mode.LINES, null, checkpoint)));
        cases.put("X10", resuming((dir, checkpoint) ->
                DigitsExample.defaults().withOut(dir).withCheckpoints(null, dir.resolve("nope.safetensors"))));
        cases.put("X11", dir -> {
            Path file = Files.writeString(dir.resolve("plots"), "keep me");
            return watchingFile(file, digits(DigitsExample.defaults().withOut(file)));
        });
        cases.put("X12", dir -> Scenario.watching(List.of(), () -> MnistExample.run(
                new MnistExample.Config(dir.resolve("none"), MnistExample.defaults(), new Silent().out()))));
        cases.put("X13", idx("huge", Idx.IMAGES_MAGIC, new int[] {2_000_000_000, 1, 1}, 16, true));
        cases.put("X14", idx("huge.gz", Idx.LABELS_MAGIC, new int[] {2_000_000_000}, 24, false));
        cases.put("X15", damagedGzip("crc.gz", bytes -> {
            bytes[bytes.length - 8] ^= 0x55; // the trailer's CRC-32
            return bytes;
        }));
        cases.put("X16", damagedGzip("cut.gz", bytes -> Arrays.copyOf(bytes, 5)));
        cases.put("X17", dir -> {
            Path file = Files.writeString(dir.resolve("plots"), "keep me");
            return watchingFile(file, digits(DigitsExample.defaults().withOut(file.resolve("sub"))));
        });
        cases.put("X18", dir -> {
            Path inside = Files.writeString(Files.createDirectory(dir.resolve("ck")).resolve("keep.txt"), "keep me");
            return watchingFile(inside, digits(DigitsExample.defaults().withOut(dir).withCheckpoints(inside.getParent(), null)));
        });
        cases.put("X19", dir -> {
            Path file = Files.writeString(dir.resolve("plots"), "keep me");
            return watchingFile(file, digits(DigitsExample.defaults().withOut(dir)
                    .withCheckpoints(file.resolve("ck.safetensors"), null)));
        });
        cases.put("X20", dir -> {
            Path inside = Files.writeString(Files.createDirectory(dir.resolve("ck")).resolve("keep.txt"), "keep me");
            return watchingFile(inside, digits(DigitsExample.defaults().withOut(dir).withCheckpoints(null, inside.getParent())));
        });
        cases.put("X21", resuming((dir, checkpoint) ->
                new TrainOptions(2, 32, 3e-3, OptimizerKind.ADAM, 0, 0, 0, dir, Progress.Mode.LINES, null, checkpoint)));
        cases.put("X22", resuming((dir, checkpoint) ->
                new TrainOptions(2, 64, 1e-2, OptimizerKind.ADAM, 0, 0, 0, dir, Progress.Mode.LINES, null, checkpoint)));
        cases.put("X23", resuming(2, (dir, checkpoint) ->
                DigitsExample.defaults().withEpochs(1).withOut(dir).withCheckpoints(null, checkpoint)));
        cases.put("X24", dir -> Scenario.watching(List.of(), () -> DigitsExample.defaults().withValidation(1)));
        cases.put("X25", dir -> Scenario.watching(List.of(), digits(DigitsExample.defaults().withValidation(0.001).withOut(dir))));
        cases.put("X26", resuming((dir, checkpoint) ->
                DigitsExample.defaults().withEpochs(2).withValidation(0.1).withOut(dir).withCheckpoints(null, checkpoint)));
        cases.put("X27", resuming((dir, checkpoint) ->
                DigitsExample.defaults().withEpochs(2).withDType(DType.FLOAT32).withOut(dir).withCheckpoints(null, checkpoint)));
        cases.put("X30", dir -> {
            Path data = Files.createDirectory(dir.resolve("data"));
            Path images = IdxFiles.write(data.resolve("train-images-idx3-ubyte"), Idx.IMAGES_MAGIC, new int[] {2, 32, 32}, new byte[2048]);
            IdxFiles.write(data.resolve("train-labels-idx1-ubyte"), Idx.LABELS_MAGIC, new int[] {2}, new byte[2]);
            IdxFiles.writeBars(data, "t10k", 2, 1, false);
            return watchingFile(images, () -> CnnExample.run(new CnnExample.Config(data, CnnExample.defaults(true).withOut(dir),
                    new Silent().out())));
        });
        cases.put("X40", charlm(dir -> Files.writeString(dir.resolve("empty.txt"), ""), 10, 16, 2, null));
        cases.put("X41", charlm(dir -> Files.writeString(dir.resolve("tiny.txt"), "Fellow-Citizens of the"), 10, 64, 2, null));
        cases.put("X42", dir -> Scenario.watching(List.of(), () -> CharLmExampleTest.tiny(null, 10, dir, null, null, new Silent())
                .withHeads(5)));
        cases.put("X43", charlmResuming(10, c -> c.withContext(8)));
        cases.put("X44", charlm(dir -> Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9}), 10, 16, 2, null));
        cases.put("X45", charlmResuming(10, c -> c.withSteps(5)));
        cases.put("X46", dir -> Scenario.watching(List.of(), () -> new SequenceExample.Config(SequenceExample.Cell.LSTM, 0, 300, 0.01, 0,
                dir, System.out)));
        cases.put("X47", charlm(dir -> Files.createDirectory(dir.resolve("texts")), 10, 16, 2, null));
        return ErrorCatalogue.tests("X", cases, temp);
    }

    /** A charlm run on the text {@code makeText} writes, which must leave that text as it was. */
    private static Case charlm(ThrowingFunction makeText, int steps, int context, int heads, Path resume) {
        return dir -> {
            Path text = makeText.apply(dir);
            CharLmExample.Config config = CharLmExampleTest.tiny(text, steps, dir, null, resume, new Silent()).withContext(context)
                    .withHeads(heads);
            return Files.isDirectory(text) ? Scenario.watching(List.of(), () -> CharLmExample.run(config))
                    : watchingFile(text, () -> CharLmExample.run(config));
        };
    }

    /** A short charlm run saved to a checkpoint, then resumed with the options {@code change} makes; the checkpoint must stay as it was. */
    private static Case charlmResuming(int steps, java.util.function.UnaryOperator<CharLmExample.Config> change) {
        return dir -> {
            Path text = CharLmExampleTest.smallText(dir);
            Path checkpoint = dir.resolve("charlm.safetensors");
            CharLmExample.run(CharLmExampleTest.tiny(text, steps, dir, checkpoint, null, new Silent()));
            CharLmExample.Config resumed = change.apply(CharLmExampleTest.tiny(text, 2 * steps, dir, null, checkpoint, new Silent()));
            return watchingFile(checkpoint, () -> CharLmExample.run(resumed));
        };
    }

    /** Makes a file (or directory) in a test's directory. */
    @FunctionalInterface
    private interface ThrowingFunction {
        Path apply(Path dir) throws Exception;
    }
}
