package io.github.autograd4j.spark;

import io.github.autograd4j.nn.Module;
import io.github.autograd4j.nn.Stateful;
import io.github.autograd4j.nn.io.Checkpoint;
import io.github.autograd4j.nn.optim.Optimizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * Where the driver keeps its checkpoints: a path of any Hadoop file system ({@code file:},
 * {@code hdfs:}, {@code s3a:}, ...; a path without a scheme is on the default file system), in
 * nn's {@link Checkpoint} format (one safetensors file). A file is replaced all at once or not at
 * all:
 *
 * <ul>
 *   <li>on the local file system, by nn's {@link Checkpoint} itself (a temporary file, forced to
 *       disk, renamed over the old one), with no Hadoop in between;</li>
 *   <li>on any other, the checkpoint is written to a local temporary file by {@link Checkpoint},
 *       copied next to the target as a hidden temporary file, and renamed over the target with
 *       Hadoop's {@link FileContext#rename} (atomic on HDFS; on object stores such as S3, where
 *       no rename is atomic, the copy is still complete before it replaces anything). A failure
 *       deletes the temporary files and leaves the previous checkpoint as it was.</li>
 * </ul>
 */
final class CheckpointStore {

    private final String name;
    private final Path path;
    private final FileSystem fs;
    private final Configuration conf;
    private final java.nio.file.Path local;

    /**
     * A store at {@code location}.
     *
     * @param location the file's path or URI
     * @param conf     the Hadoop configuration (the Spark context's)
     * @param viaHadoop write through Hadoop even when the file system is local (for tests of that route)
     * @throws IllegalArgumentException when the file system is unknown, or the path's directory does not exist
     *                                  or the path is a directory
     */
    CheckpointStore(String location, Configuration conf, boolean viaHadoop) {
        this.name = location;
        this.conf = conf;
        try {
            Path given = new Path(location);
            this.fs = given.getFileSystem(conf);
            this.path = fs.makeQualified(given);
            this.local = !viaHadoop && "file".equals(path.toUri().getScheme()) ? java.nio.file.Path.of(path.toUri()) : null;
            if (fs.exists(path) && fs.getFileStatus(path).isDirectory()) {
                throw new IllegalArgumentException("SparkTrainer: checkpoint " + location + " is a directory; expected a file");
            }
            if (path.getParent() == null || !fs.exists(path.getParent()) || !fs.getFileStatus(path.getParent()).isDirectory()) {
                throw new IllegalArgumentException("SparkTrainer: checkpoint " + location
                        + ": its directory does not exist (it is not created)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("SparkTrainer: checkpoint " + location + ": " + e.getMessage(), e);
        }
    }

    /** The path as given, for messages. */
    String name() {
        return name;
    }

    /** True when a checkpoint is there to resume from. */
    boolean exists() throws IOException {
        return fs.exists(path);
    }

    /** Replaces the checkpoint, all at once or not at all. */
    void save(Module model, Optimizer optimizer, Map<String, Stateful> states, Map<String, String> metadata) throws IOException {
        if (local != null) {
            Checkpoint.save(local, model, optimizer, states, metadata);
            return;
        }
        java.nio.file.Path temp = Files.createTempFile("autograd4j-checkpoint", ".safetensors");
        Path remoteTemp = new Path(path.getParent(), "." + path.getName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Checkpoint.save(temp, model, optimizer, states, metadata);
            fs.copyFromLocalFile(false, true, new Path(temp.toUri()), remoteTemp);
            FileContext.getFileContext(path.toUri(), conf).rename(remoteTemp, path, Options.Rename.OVERWRITE);
        } catch (IOException | RuntimeException e) {
            try {
                fs.delete(remoteTemp, false);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The checkpoint's metadata, read without loading it into anything. */
    Map<String, String> metadata() throws IOException {
        return read(file -> Checkpoint.load(file).metadata());
    }

    /** Loads the checkpoint into the model, the optimiser and the states, checking everything first (nn's {@link Checkpoint#restore}). */
    void restore(Module model, Optimizer optimizer, Map<String, Stateful> states) throws IOException {
        read(file -> Checkpoint.restore(file, model, optimizer, states));
    }

    /** What a reading function of a local file is. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(java.nio.file.Path file) throws IOException;
    }

    private <T> T read(Reader<T> reader) throws IOException {
        if (local != null) {
            return reader.read(local);
        }
        java.nio.file.Path temp = Files.createTempFile("autograd4j-checkpoint", ".safetensors");
        try {
            fs.copyToLocalFile(false, path, new Path(temp.toUri()), true);
            return reader.read(temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
