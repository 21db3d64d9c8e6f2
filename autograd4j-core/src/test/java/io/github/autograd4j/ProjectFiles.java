package io.github.autograd4j;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the project read by tests (docs, sources), found from whichever module directory a test runs in. */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    /**
     * {@code relative} resolved against the project root: the nearest directory, from the working
     * directory up, that holds it.
     *
     * @param relative a path from the project root, e.g. {@code docs/errors.md}
     * @return the absolute path of the existing file or directory
     * @throws IllegalStateException when no directory above the working directory holds it
     */
    public static Path find(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(relative))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve(relative);
    }
}
