package io.github.autograd4j.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {

    @Test
    void readsImagesAndLabelsPlainOrGzipped(@TempDir Path dir) throws Exception {
        byte[] pixels = {0, 1, (byte) 255, 7, 8, 9, 10, 11, 12, 13, 14, (byte) 128};
        for (String suffix : new String[] {"", ".gz"}) {
            Path images = IdxFiles.write(dir.resolve("img" + suffix), Idx.IMAGES_MAGIC, new int[] {2, 2, 3}, pixels);
            Idx.Images read = Idx.readImages(images);
            assertEquals(2, read.count());
            assertEquals(2, read.rows());
            assertEquals(3, read.columns());
            assertArrayEquals(new int[] {0, 1, 255, 7, 8, 9, 10, 11, 12, 13, 14, 128}, read.pixels());
            Path labels = IdxFiles.write(dir.resolve("lab" + suffix), Idx.LABELS_MAGIC, new int[] {3}, new byte[] {4, 0, 9});
            assertArrayEquals(new int[] {4, 0, 9}, Idx.readLabels(labels));
        }
    }

    @Test
    void aWrongMagicNumberNamesTheFileTheMagicFoundAndExpected(@TempDir Path dir) throws Exception {
        Path labels = IdxFiles.write(dir.resolve("train-labels-idx1-ubyte"), Idx.LABELS_MAGIC, new int[] {1}, new byte[] {3});
        DataFormatException e = assertThrows(DataFormatException.class, () -> Idx.readImages(labels));
        assertEquals("train-labels-idx1-ubyte: magic number 0x00000801 (that of a label file), expected 0x00000803"
                + " for an IDX image file", e.getMessage());

        Path other = IdxFiles.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), 0x00000C01, new int[] {1}, new byte[] {3});
        e = assertThrows(DataFormatException.class, () -> Idx.readLabels(other));
        assertEquals("t10k-labels-idx1-ubyte.gz: magic number 0x00000C01, expected 0x00000801 for an IDX label file", e.getMessage());
    }

    @Test
    void aTruncatedOrOverlongFileSaysWhatTheHeaderAnnounced(@TempDir Path dir) throws Exception {
        Path shortFile = IdxFiles.write(dir.resolve("short.gz"), Idx.IMAGES_MAGIC, new int[] {2, 2, 2}, new byte[5]);
        assertEquals("short.gz: the file is truncated: the header announces 2 images of 2x2 (8 bytes after the 16-byte header)"
                + " but only 5 follow", assertThrows(DataFormatException.class, () -> Idx.readImages(shortFile)).getMessage());
        Path longFile = IdxFiles.write(dir.resolve("long"), Idx.LABELS_MAGIC, new int[] {2}, new byte[3]);
        assertEquals("long: more bytes follow the 2 labels the header announces",
                assertThrows(DataFormatException.class, () -> Idx.readLabels(longFile)).getMessage());
        Path header = IdxFiles.write(dir.resolve("header"), Idx.IMAGES_MAGIC, new int[] {2}, new byte[0]);
        assertEquals("header: the file ends inside its 16-byte header, before the row count",
                assertThrows(DataFormatException.class, () -> Idx.readImages(header)).getMessage());
    }

    @Test
    void aHeaderClaimingMoreThanTheFileHoldsIsRefusedWithoutAllocatingTheClaim(@TempDir Path dir) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        Path images = IdxFiles.write(dir.resolve("huge"), Idx.IMAGES_MAGIC, new int[] {2_000_000_000, 1, 1}, new byte[16]);
        Path labels = IdxFiles.write(dir.resolve("huge.gz"), Idx.LABELS_MAGIC, new int[] {2_000_000_000}, new byte[24]);
        assertEquals(32, Files.size(images));

        long before = threads.getCurrentThreadAllocatedBytes();
        DataFormatException e = assertThrows(DataFormatException.class, () -> Idx.readImages(images));
        DataFormatException gz = assertThrows(DataFormatException.class, () -> Idx.readLabels(labels));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals("huge: the file is truncated: the header announces 2000000000 images of 1x1 (2000000000 bytes after the"
                + " 16-byte header) but only 16 follow", e.getMessage());
        assertEquals("huge.gz: the file is truncated: the header announces 2000000000 labels (2000000000 bytes after the"
                + " 8-byte header) but only 24 follow", gz.getMessage());
        assertTrue(allocated < 16 << 20, "reading allocated " + allocated + " bytes; expected far less than the 2 GB the headers claim");
    }

    @Test
    void corruptGzipDataNameTheFile(@TempDir Path dir) throws Exception {
        Path good = IdxFiles.write(dir.resolve("labels.gz"), Idx.LABELS_MAGIC, new int[] {3}, new byte[] {4, 0, 9});
        byte[] bytes = Files.readAllBytes(good);

        byte[] badCrc = bytes.clone();
        badCrc[bytes.length - 8] ^= 0x55; // the trailer's CRC-32 of the content
        Path crc = Files.write(dir.resolve("crc.gz"), badCrc);
        assertEquals("crc.gz: the gzip data are corrupt (Corrupt GZIP trailer)",
                assertThrows(DataFormatException.class, () -> Idx.readLabels(crc)).getMessage());

        byte[] badBlock = bytes.clone();
        badBlock[10] = (byte) 0xff; // the first deflate block's header: block type 3 does not exist
        Path block = Files.write(dir.resolve("block.gz"), badBlock);
        assertEquals("block.gz: the gzip data are corrupt (invalid block type)",
                assertThrows(DataFormatException.class, () -> Idx.readLabels(block)).getMessage());

        Path cut = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(bytes, 5));
        assertEquals("cut.gz: the file ends inside its gzip header",
                assertThrows(DataFormatException.class, () -> Idx.readLabels(cut)).getMessage());
    }
}
