package io.github.autograd4j.nn.io;

import io.github.autograd4j.DType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.properties.PropertySeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * A damaged checkpoint is refused with a {@link CheckpointFormatException} naming the file, or
 * read whole: random byte changes (anywhere: the header length, the JSON header, the data) and
 * truncations of a valid file never make {@link SafeTensors#read} throw anything else (no
 * {@code NegativeArraySizeException}, {@code OutOfMemoryError}, {@code IndexOutOfBoundsException}
 * or JSON parser internals) and never return tensors whose sizes disagree with their shapes.
 */
class CorruptedCheckpointPropertyTest {

    /** A small valid checkpoint: a few tensors of different ranks, and metadata. */
    private static final byte[] VALID = valid();

    /** One change to the file: a byte at a position set to a value. */
    record Edit(int position, byte value) {
    }

    @Property(seed = PropertySeed.CI)
    void damagedFilesAreRefusedCleanlyOrReadWhole(@ForAll("edits") List<Edit> edits, @ForAll("lengths") int length) throws IOException {
        byte[] bytes = Arrays.copyOf(VALID, length);
        for (Edit e : edits) {
            if (e.position() < bytes.length) {
                bytes[e.position()] = e.value();
            }
        }
        Path file = Files.createTempFile("damaged", ".safetensors");
        try {
            Files.write(file, bytes);
            SafeTensorsFile read = SafeTensors.read(file);
            Statistics.collect("read");
            for (Map.Entry<String, Tensor> t : read.tensors().entrySet()) {
                assertEquals(t.getValue().shape().numel(), t.getValue().toArray().length, t.getKey());
            }
        } catch (CheckpointFormatException refused) {
            Statistics.collect("refused");
            assertTrue(refused.getMessage().contains(file.getFileName().toString()), refused.getMessage());
        } finally {
            Files.delete(file);
        }
    }

    /** 1 to 4 byte changes, mostly in the first 200 bytes (length and header), some in the data. */
    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Integer> position = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 200)),
                Tuple.of(1, Arbitraries.integers().between(0, VALID.length - 1)));
        Arbitrary<Byte> value = Arbitraries.oneOf(Arbitraries.bytes(),
                Arbitraries.of((byte) '{', (byte) '}', (byte) '[', (byte) ']', (byte) '"', (byte) ',', (byte) ':',
                        (byte) '-', (byte) '9', (byte) '0', (byte) 'e', (byte) 0xff, (byte) 0));
        return Combinators.combine(position, value).as(Edit::new).list().ofMinSize(1).ofMaxSize(4);
    }

    /** The whole file mostly, sometimes cut short. */
    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(VALID.length)),
                Tuple.of(1, Arbitraries.integers().between(0, VALID.length - 1)));
    }

    private static byte[] valid() {
        Random rng = new Random(5);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("model.0.weight", Tensor.randn(rng, 4, 3));
        tensors.put("model.0.bias", Tensor.randn(rng, 4));
        tensors.put("optim.param.0.step", Tensor.scalar(3));
        tensors.put("optim.param.0.exp_avg", Tensor.randn(rng, 2, 2, 3));
        try {
            Path file = Files.createTempFile("valid", ".safetensors");
            try {
                SafeTensors.write(file, tensors, Map.of("epoch", "7"), DType.FLOAT32);
                return Files.readAllBytes(file);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
