package io.github.autograd4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CacheSizes} reads the caches as Linux describes them, and falls back where it cannot. */
class CacheSizesTest {

    @TempDir
    Path dir;

    @Test
    void readsTheDataCachesAndSharesTheL3AmongItsProcessors() throws IOException {
        cache("index0", 1, "Data", "48K", "0");
        cache("index1", 1, "Instruction", "32K", "0");
        cache("index2", 2, "Unified", "2048K", "0");
        cache("index3", 3, "Unified", "32M", "0-3,8-11");
        assertEquals(new CacheSizes(48 << 10, 2 << 20, 4 << 20), CacheSizes.read(dir));
    }

    @Test
    void withoutAnL3TheL2IsTheLastLevel() throws IOException {
        cache("index0", 1, "Data", "64K", "0");
        cache("index2", 2, "Unified", "1M", "0-1");
        assertEquals(new CacheSizes(64 << 10, 1 << 20, 1 << 20), CacheSizes.read(dir));
    }

    @Test
    void anUnreadableCacheKeepsItsFallbackSize() throws IOException {
        cache("index0", 1, "Data", "32K", "0");
        cache("index2", 2, "Unified", "lots", "0");
        assertEquals(new CacheSizes(32 << 10, CacheSizes.FALLBACK.l2(), CacheSizes.FALLBACK.l2()),
                CacheSizes.read(dir));
        assertEquals(CacheSizes.FALLBACK, CacheSizes.read(dir.resolve("missing")));
    }

    @Test
    void sizesAndProcessorListsParse() {
        assertEquals(512, CacheSizes.bytes("512"));
        assertEquals(32 << 10, CacheSizes.bytes("32K"));
        assertEquals(1L << 30, CacheSizes.bytes("1G"));
        assertEquals(1, CacheSizes.processors("0"));
        assertEquals(6, CacheSizes.processors("0-3,8,10"));
    }

    @Test
    void thisMachineReportsPlausibleSizes() {
        CacheSizes here = CacheSizes.ofThisMachine();
        assertTrue(here.l1() >= 8 << 10 && here.l2() >= here.l1() && here.l3Core() >= 64 << 10, here.toString());
    }

    private void cache(String name, int level, String type, String size, String shared) throws IOException {
        Path index = Files.createDirectories(dir.resolve(name));
        Files.writeString(index.resolve("level"), level + "\n");
        Files.writeString(index.resolve("type"), type + "\n");
        Files.writeString(index.resolve("size"), size + "\n");
        Files.writeString(index.resolve("shared_cpu_list"), shared + "\n");
    }
}
