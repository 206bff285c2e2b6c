package org.disentangle4j.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.disentangle4j.data.DSprites;
import org.disentangle4j.data.Shapes3D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactorSweepTest {
    private static final int GAP = 2, SCALE = 2, LABEL = 90, TILE = 64 * SCALE;

    @TempDir
    Path dir;

    @Test
    void sweepLevelsIncludeBothEndsAndSpreadEvenly() {
        assertArrayEquals(new int[] {0, 1, 2}, FactorSweep.sweepLevels(3, 12));
        // round(i · 31 / 11) for i = 0 … 11
        assertArrayEquals(new int[] {0, 3, 6, 8, 11, 14, 17, 20, 23, 25, 28, 31}, FactorSweep.sweepLevels(32, 12));
        assertArrayEquals(new int[] {0}, FactorSweep.sweepLevels(1, 12));
        assertArrayEquals(new int[] {0, 39}, FactorSweep.sweepLevels(40, 2));
    }

    @Test
    void eachRowSweepsOneFactorAroundTheBase() {
        DSprites d = new DSprites();
        int[] base = {1, 2, 5, 10, 20};
        BufferedImage img = FactorSweep.render(d, base).image();
        // five factors, at most 12 levels shown per row
        assertEquals(LABEL + 12 * TILE + 13 * GAP, img.getWidth());
        assertEquals(5 * TILE + 6 * GAP, img.getHeight());
        float[] expected = new float[64 * 64];
        int[] posXLevels = {0, 3, 6, 8, 11, 14, 17, 20, 23, 25, 28, 31};
        for (int col = 0; col < 12; col++) {
            int[] v = base.clone();
            v[3] = posXLevels[col];
            d.render(v, expected, 0);
            assertTile(img, 3, col, expected);
        }
        // the shape row has three levels; the fourth cell stays background
        int x = LABEL + GAP + 3 * (TILE + GAP) + 10, y = GAP + 10;
        assertEquals(0x808080, img.getRGB(x, y) & 0xFFFFFF);
        // the label margin has the factor name drawn in it (some bright pixels)
        int bright = 0;
        for (int yy = GAP; yy < GAP + TILE; yy++) for (int xx = 0; xx < LABEL; xx++) if ((img.getRGB(xx, yy) & 0xFF) > 200) bright++;
        assertNotEquals(0, bright);
    }

    private static void assertTile(BufferedImage img, int row, int col, float[] pixels) {
        int x0 = LABEL + GAP + col * (TILE + GAP), y0 = GAP + row * (TILE + GAP);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int grey = Math.round(pixels[y * 64 + x] * 255);
                int rgb = img.getRGB(x0 + x * SCALE + 1, y0 + y * SCALE + 1) & 0xFFFFFF;
                assertEquals((grey << 16) | (grey << 8) | grey, rgb, "row " + row + " col " + col + " pixel " + y + "," + x);
            }
        }
    }

    @Test
    void aTableRowIsDrawnAsBarsOfItsValues() {
        float[] image = FactorSweep.bars(new float[] {0f, 0.5f, 1f});
        int w = 3 * FactorSweep.BAR_WIDTH, h = FactorSweep.BAR_HEIGHT;
        assertEquals(h * w, image.length);
        int[] dark = new int[3];
        for (int j = 0; j < 3; j++) {
            for (int y = 0; y < h; y++) if (image[y * w + FactorSweep.BAR_WIDTH * j + 3] == 0f) dark[j]++;
        }
        assertArrayEquals(new int[] {0, h / 2, h}, dark);
        assertEquals(1f, image[(h - 1) * w]); // the gap between bars stays white
        BufferedImage img = FactorSweep.render(new org.disentangle4j.data.TabularScm(), new int[] {0, 0, 0, 0, 0}).image();
        assertEquals(5 * (h * SCALE) + 6 * GAP, img.getHeight());
    }

    @Test
    void writesAPngOfTheExpectedSize() throws IOException {
        Path png = dir.resolve("out/sweep.png");
        FactorSweep.writePng(new Shapes3D(), png, 42);
        BufferedImage read = ImageIO.read(png.toFile());
        // six factors; orientation has 15 levels, of which 12 are shown
        assertEquals(LABEL + 12 * TILE + 13 * GAP, read.getWidth());
        assertEquals(6 * TILE + 7 * GAP, read.getHeight());
    }
}
