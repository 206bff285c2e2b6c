package org.disentangle4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.disentangle4j.io.NpzWriter;
import org.disentangle4j.io.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny archive with the official structure, written by NumPy (see resources/dsprites/make_fake_dsprites.py). */
class DSpritesFileTest {
    private static final int[] SIZES = {1, 3, 2, 2, 2, 2};
    private static final int SIDE = 10;

    @TempDir
    Path dir;

    static Path fake() {
        try {
            return Path.of(DSpritesFileTest.class.getResource("/dsprites/fake_dsprites.npz").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float expectedPixel(int image, int y, int x) {
        return (7 * image + 3 * y + x) % 5 == 0 ? 1f : 0f;
    }

    @Test
    void readsFactorsAndLevelValuesFromTheFile() {
        DSpritesFile d = DSpritesFile.open(fake(), SIZES, SIDE);
        assertEquals("dsprites", d.name());
        assertEquals(List.of("shape", "scale", "orientation", "posX", "posY"), d.factors().names());
        assertArrayEquals(new int[] {3, 2, 2, 2, 2}, d.factors().sizes());
        assertEquals(3.0, d.factors().value(0, 2));
        assertEquals(0.5, d.factors().value(1, 0));
        assertEquals(Math.PI, d.factors().value(2, 1), 1e-12);
        assertArrayEquals(new int[] {1, SIDE, SIDE}, d.observationShape());
    }

    @Test
    void rendersTheImageAtTheMixedRadixIndex() {
        DSpritesFile d = DSpritesFile.open(fake(), SIZES, SIDE);
        float[] out = new float[SIDE * SIDE];
        int image = 0;
        // enumerate factor vectors with the last factor fastest: the order of the file
        for (int shape = 0; shape < 3; shape++) for (int scale = 0; scale < 2; scale++)
            for (int o = 0; o < 2; o++) for (int px = 0; px < 2; px++) for (int py = 0; py < 2; py++, image++) {
                java.util.Arrays.fill(out, 0.5f);
                d.render(new int[] {shape, scale, o, px, py}, out, 0);
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        assertEquals(expectedPixel(image, y, x), out[y * SIDE + x], "image " + image + " pixel " + y + "," + x);
                    }
                }
            }
        assertEquals(48, image);
    }

    @Test
    void theFakeIsNotTheOfficialSize() {
        UserInputException e = assertThrows(UserInputException.class, () -> DSpritesFile.open(fake()));
        assertTrue(e.getMessage().contains("latents_classes must be int64 of shape (737280, 6)"), e.getMessage());
        assertTrue(e.getMessage().startsWith(fake().toString()), e.getMessage());
    }

    /** A consistent small archive, optionally broken in one place. */
    private Path write(String name, boolean withImages, boolean swapRows, int pixelValue, int classBase) throws IOException {
        int n = 48;
        long[] classes = new long[n * 6];
        double[] values = new double[n * 6];
        for (int r = 0; r < n; r++) {
            int rest = r;
            for (int f = 5; f >= 0; f--) {
                classes[r * 6 + f] = rest % SIZES[f] + (f == 0 ? classBase : 0);
                values[r * 6 + f] = 10 * f + classes[r * 6 + f];
                rest /= SIZES[f];
            }
        }
        if (swapRows) {
            for (int f = 0; f < 6; f++) {
                long t = classes[f];
                classes[f] = classes[6 + f];
                classes[6 + f] = t;
            }
        }
        byte[] imgs = new byte[n * SIDE * SIDE];
        imgs[SIDE * SIDE * 5 + 3] = (byte) pixelValue;
        Path p = dir.resolve(name);
        NpzWriter.write(p, NpzWriter.Compression.DEFLATED, npz -> {
            if (withImages) npz.add("imgs", imgs, n, SIDE, SIDE);
            npz.add("latents_classes", classes, n, 6).add("latents_values", values, n, 6);
        });
        return p;
    }

    @Test
    void validationErrorsNameTheFileAndTheProblem() throws IOException {
        DSpritesFile ok = DSpritesFile.open(write("ok.npz", true, false, 1, 0), SIZES, SIDE);
        float[] out = new float[SIDE * SIDE];
        ok.render(new int[] {0, 0, 1, 0, 1}, out, 0); // index 5
        assertEquals(1f, out[3]);
        assertEquals(1.0, sum(out));

        assertMessage(write("noimgs.npz", false, false, 1, 0), "no array 'imgs'");
        assertMessage(write("order.npz", true, true, 1, 0), "latents_classes row 2 has posY = 0.0, expected 1.0");
        assertMessage(write("gray.npz", true, false, 7, 0), "imgs[5] has pixel value 7");
        assertMessage(write("onebased.npz", true, false, 1, 1), "latents_classes numbers the color levels [1.0]; expected 0 to 0");
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float x : v) s += x;
        return s;
    }

    private static void assertMessage(Path file, String expected) {
        UserInputException e = assertThrows(UserInputException.class, () -> DSpritesFile.open(file, SIZES, SIDE));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
