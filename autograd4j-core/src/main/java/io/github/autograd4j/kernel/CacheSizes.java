package io.github.autograd4j.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The data cache sizes of one core, as the machine reports them, from which {@link Blocking}
 * derives the GEMM block sizes: the L1 data cache, the L2 cache, and this core's share of the L3
 * (its size divided by the processors that share it). On Linux they come from
 * {@code /sys/devices/system/cpu/cpu0/cache/index*}; a size that cannot be read is taken from
 * {@link #FALLBACK}, sizes common to current x86 and ARM server cores.
 *
 * @param l1     bytes of L1 data cache
 * @param l2     bytes of L2 cache
 * @param l3Core bytes of L3 cache per core sharing it (the L2 size when there is no L3)
 */
record CacheSizes(int l1, int l2, int l3Core) {

    /** Used when the machine does not report its caches: 32 KB L1, 512 KB L2, 2 MB of L3 per core. */
    static final CacheSizes FALLBACK = new CacheSizes(32 << 10, 512 << 10, 2 << 20);

    /** Where Linux describes the caches of the first processor. */
    static final Path SYSFS = Path.of("/sys/devices/system/cpu/cpu0/cache");

    /** This machine's caches, or {@link #FALLBACK} when they cannot be read. */
    static CacheSizes ofThisMachine() {
        return read(SYSFS);
    }

    /**
     * The caches described under {@code dir} in the layout of Linux's sysfs (one {@code index*}
     * directory per cache, with the files {@code level}, {@code type}, {@code size} such as
     * {@code 32K}, and {@code shared_cpu_list} such as {@code 0-1,4}); {@link #FALLBACK} for any
     * size that is missing or unreadable.
     */
    static CacheSizes read(Path dir) {
        int l1 = 0;
        int l2 = 0;
        long l3 = 0;
        List<Path> indexes;
        try (Stream<Path> caches = Files.list(dir)) {
            indexes = caches.filter(p -> p.getFileName().toString().startsWith("index")).toList();
        } catch (IOException | RuntimeException e) {
            return FALLBACK;
        }
        for (Path index : indexes) {
            try {
                if (Files.readString(index.resolve("type")).trim().equals("Instruction")) {
                    continue;
                }
                int level = Integer.parseInt(Files.readString(index.resolve("level")).trim());
                long size = bytes(Files.readString(index.resolve("size")).trim());
                if (level == 1) {
                    l1 = (int) Math.min(size, Integer.MAX_VALUE);
                } else if (level == 2) {
                    l2 = (int) Math.min(size, Integer.MAX_VALUE);
                } else if (level == 3) {
                    l3 = size / Math.max(1, processors(readOr(index.resolve("shared_cpu_list"), "0")));
                }
            } catch (IOException | RuntimeException e) {
                // this cache keeps its fallback size
            }
        }
        int l1Size = l1 > 0 ? l1 : FALLBACK.l1;
        int l2Size = l2 > 0 ? l2 : FALLBACK.l2;
        return new CacheSizes(l1Size, l2Size, l3 > 0 ? (int) Math.min(l3, Integer.MAX_VALUE) : l2Size);
    }

    /** {@code "32K"}, {@code "1M"} or {@code "512"} in bytes. */
    static long bytes(String size) {
        char unit = Character.toUpperCase(size.charAt(size.length() - 1));
        long scale = unit == 'K' ? 1L << 10 : unit == 'M' ? 1L << 20 : unit == 'G' ? 1L << 30 : 1;
        String digits = scale == 1 ? size : size.substring(0, size.length() - 1);
        return Long.parseLong(digits.trim()) * scale;
    }

    /** The number of processors in a list such as {@code "0-3,8,10-11"}. */
    static int processors(String list) {
        int count = 0;
        for (String part : list.trim().split(",")) {
            int dash = part.indexOf('-');
            count += dash < 0 ? 1 : Integer.parseInt(part.substring(dash + 1).trim())
                    - Integer.parseInt(part.substring(0, dash).trim()) + 1;
        }
        return count;
    }

    private static String readOr(Path file, String otherwise) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return otherwise;
        }
    }
}
