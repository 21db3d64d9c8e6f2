package io.github.autograd4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.autograd4j.Tensor;
import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.Stateful;
import io.github.autograd4j.nn.optim.Optimizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints written through Hadoop's file system API: whole or not at all, no temporary file left behind. */
class CheckpointStoreTest {

    @TempDir
    Path dir;

    /** A state whose snapshot fails, as a save that fails part way. */
    private static final class Failing implements Stateful {
        @Override
        public Map<String, Tensor> stateDict() {
            throw new IllegalStateException("the state cannot be taken");
        }

        @Override
        public void loadStateDict(Map<String, Tensor> state) {
        }
    }

    @Test
    void aFailedSaveLeavesThePreviousCheckpointAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("ck.safetensors");
        CheckpointStore store = new CheckpointStore("file://" + file, new Configuration(), true);
        Module model = LocalSpark.model();
        Optimizer optimizer = Reference.optimizer(model.parameters());
        store.save(model, optimizer, Map.of(), Map.of("step", "1"));
        byte[] saved = Files.readAllBytes(file);
        long tempsBefore = localTemps();

        assertThrows(IllegalStateException.class, () -> store.save(model, optimizer, Map.of("bad", new Failing()), Map.of("step", "2")));
        assertArrayEquals(saved, Files.readAllBytes(file));
        assertEquals(List.of("ck.safetensors"), files(dir), "nothing but the checkpoint");
        assertEquals(tempsBefore, localTemps(), "the local temporary file is deleted");
    }

    @Test
    void aFailedRenameLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("ck.safetensors");
        CheckpointStore store = new CheckpointStore("file://" + target, new Configuration(), true);
        // the target became a directory after the store was made (it refuses one when it is made)
        Files.writeString(Files.createDirectories(target).resolve("keep"), "a file where the checkpoint should go");
        Module model = LocalSpark.model();

        assertThrows(IOException.class, () -> store.save(model, Reference.optimizer(model.parameters()), Map.of(), Map.of()));
        assertEquals(List.of("ck.safetensors"), files(dir), "no temporary file is left");
        assertEquals(List.of("keep"), files(target));
    }

    /** The names in {@code dir}, without the checksum files ({@code .name.crc}) that Hadoop's local file system keeps beside each file. */
    static List<String> files(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long localTemps() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("autograd4j-checkpoint")).count();
        }
    }
}
