package io.github.autograd4j.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
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
}
