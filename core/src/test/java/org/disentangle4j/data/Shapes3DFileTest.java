package org.disentangle4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.disentangle4j.io.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tiny HDF5 files with the official 3dshapes structure: written by h5py in three storage layouts
 * (see resources/shapes3d/make_fake_3dshapes.py), and written with jhdf for the error cases.
 */
class Shapes3DFileTest {
    private static final int[] SIZES = {2, 2, 2, 2, 2, 3};
    private static final int COUNT = 96, SIDE = 6;

    @TempDir
    Path dir;

    /** Byte value of image i, row y, column x, channel c. */
    private static int pixel(int i, int y, int x, int c) {
        return (i * 31 + y * 7 + x * 3 + c * 50) % 256;
    }

    /** Label value of factor f at level k: distinct per factor, like hue 0.1·k or orientation −30 + 30·k. */
    private static double labelValue(int f, int k) {
        return f == 5 ? -30 + 30 * k : 0.1 * k + f;
    }

    private Path write(String name, boolean withLabels, boolean shuffleRow) throws IOException {
        byte[][][][] images = new byte[COUNT][SIDE][SIDE][3];
        double[][] labels = new double[COUNT][6];
        for (int i = 0; i < COUNT; i++) {
            for (int y = 0; y < SIDE; y++)
                for (int x = 0; x < SIDE; x++)
                    for (int c = 0; c < 3; c++) images[i][y][x][c] = (byte) pixel(i, y, x, c);
            int rest = i;
            for (int f = 5; f >= 0; f--) {
                labels[i][f] = labelValue(f, rest % SIZES[f]);
                rest /= SIZES[f];
            }
        }
        if (shuffleRow) {
            double[] t = labels[4];
            labels[4] = labels[5];
            labels[5] = t;
        }
        Path p = dir.resolve(name);
        try (WritableHdfFile h5 = HdfFile.write(p)) {
            h5.putDataset("images", images);
            if (withLabels) h5.putDataset("labels", labels);
        }
        return p;
    }

    static Path resource(String name) {
        try {
            return Path.of(Shapes3DFileTest.class.getResource("/shapes3d/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int[] factorsOf(int index) {
        int[] f = new int[6];
        for (int k = 5; k >= 0; k--) {
            f[k] = index % SIZES[k];
            index /= SIZES[k];
        }
        return f;
    }

    private static void assertEveryPixel(Shapes3DFile d) {
        float[] out = new float[3 * SIDE * SIDE];
        for (int i = 0; i < COUNT; i++) {
            d.render(factorsOf(i), out, 0);
            for (int c = 0; c < 3; c++)
                for (int y = 0; y < SIDE; y++)
                    for (int x = 0; x < SIDE; x++)
                        assertEquals(pixel(i, y, x, c) / 255f, out[(c * SIDE + y) * SIDE + x], 1e-7f,
                                "image " + i + " channel " + c + " pixel " + y + "," + x);
        }
    }

    @Test
    void readsEveryStorageLayoutThatH5pyWrites() {
        for (String name : new String[] {"contiguous_userblock.h5", "chunked_gzip.h5", "tiled_gzip.h5"}) {
            try (Shapes3DFile d = Shapes3DFile.open(resource(name), SIZES, SIDE)) {
                assertEquals(List.of("floor_hue", "wall_hue", "object_hue", "scale", "shape", "orientation"),
                        d.factors().names());
                assertArrayEquals(SIZES, d.factors().sizes());
                assertEquals(4.1, d.factors().value(4, 1), 1e-12, name);
                assertEquals(30, d.factors().value(5, 2), 1e-12, name);
                assertArrayEquals(new int[] {3, SIDE, SIDE}, d.observationShape());
                assertEveryPixel(d);
            }
        }
    }

    @Test
    void readsWhatJhdfWrites() throws IOException {
        try (Shapes3DFile d = Shapes3DFile.open(write("jhdf.h5", true, false), SIZES, SIDE)) {
            assertEquals(0.1, d.factors().value(0, 1), 1e-12);
            assertEveryPixel(d);
        }
    }

    @Test
    void concurrentRenderingMatchesSequential() throws Exception {
        for (String name : new String[] {"chunked_gzip.h5", "contiguous_userblock.h5"}) {
            try (Shapes3DFile d = Shapes3DFile.open(resource(name), SIZES, SIDE)) {
                int[][] factors = d.factors().sample(400, new SplittableRandom(2));
                float[] expected = d.render(factors);
                ExecutorService pool = Executors.newFixedThreadPool(4);
                try {
                    List<Future<float[]>> results = new java.util.ArrayList<>();
                    for (int t = 0; t < 4; t++) results.add(pool.submit(() -> d.render(factors)));
                    for (Future<float[]> r : results) assertArrayEquals(expected, r.get());
                } finally {
                    pool.shutdown();
                }
            }
        }
    }

    @Test
    void validationErrorsNameTheFileAndTheProblem() throws IOException {
        assertMessage(write("nolabels.h5", false, false), "no dataset 'labels'");
        assertMessage(write("order.h5", true, true), "labels row 4 has orientation = 30.0, expected 0.0");
        Path ok = write("small.h5", true, false);
        UserInputException e = assertThrows(UserInputException.class, () -> Shapes3DFile.open(ok));
        assertTrue(e.getMessage().contains("images must be uint8 of shape (480000, 64, 64, 3)"), e.getMessage());
        Path text = dir.resolve("text.h5");
        Files.writeString(text, "not hdf5");
        assertMessage(text, "not a readable HDF5 file");
        assertMessage(dir.resolve("absent.h5"), "no such file");
    }

    private static void assertMessage(Path file, String expected) {
        UserInputException e = assertThrows(UserInputException.class, () -> Shapes3DFile.open(file, SIZES, SIDE));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
