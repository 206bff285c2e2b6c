package org.disentangle4j.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.disentangle4j.io.AtomicFiles;
import javax.imageio.ImageIO;

/**
 * Tiles equally sized images (float pixels in [0, 1], channel-first, 1 or 3 channels) into one
 * picture, row by row, with a thin separator between tiles.
 */
public final class ImageGrid {
    private static final int GAP = 2;
    private static final Color BACKGROUND = new Color(128, 128, 128);

    private final BufferedImage image;
    private final int channels, height, width, scale, labelWidth;

    /**
     * @param scale each pixel drawn as a scale×scale square (small images read better enlarged)
     */
    public ImageGrid(int rows, int cols, int channels, int height, int width, int scale) {
        this(rows, cols, channels, height, width, scale, 0);
    }

    /**
     * A grid with a margin of {@code labelWidth} pixels left of the tiles for {@link #labelRow row labels}.
     *
     * @param scale each pixel drawn as a scale×scale square (small images read better enlarged)
     */
    public ImageGrid(int rows, int cols, int channels, int height, int width, int scale, int labelWidth) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("images need 1 or 3 channels, got " + channels);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.scale = scale;
        this.labelWidth = labelWidth;
        int w = labelWidth + cols * width * scale + (cols + 1) * GAP;
        int h = rows * height * scale + (rows + 1) * GAP;
        image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, w, h);
        g.dispose();
    }

    /** Draws the image stored at {@code pixels[offset …]} into cell (row, col). */
    public ImageGrid put(int row, int col, float[] pixels, int offset) {
        int x0 = labelWidth + GAP + col * (width * scale + GAP);
        int y0 = GAP + row * (height * scale + GAP);
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = offset + y * width + x;
                int r = toByte(pixels[p]);
                int gr = channels == 3 ? toByte(pixels[p + plane]) : r;
                int b = channels == 3 ? toByte(pixels[p + 2 * plane]) : r;
                int rgb = (r << 16) | (gr << 8) | b;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) image.setRGB(x0 + x * scale + dx, y0 + y * scale + dy, rgb);
                }
            }
        }
        return this;
    }

    /**
     * Frames cell (row, col) with a border {@code thickness} pixels wide drawn in the separator
     * around it, so the tile itself stays as it is (at most {@value #GAP}, the separator's width).
     */
    public ImageGrid outline(int row, int col, Color color, int thickness) {
        if (thickness < 1 || thickness > GAP) {
            throw new IllegalArgumentException("a frame is 1 to " + GAP + " pixels wide, got " + thickness);
        }
        int x0 = labelWidth + GAP + col * (width * scale + GAP);
        int y0 = GAP + row * (height * scale + GAP);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        for (int t = 1; t <= thickness; t++) g.drawRect(x0 - t, y0 - t, width * scale - 1 + 2 * t, height * scale - 1 + 2 * t);
        g.dispose();
        return this;
    }

    /** Writes {@code text} in the left margin of a row, vertically centred (needs a label margin). */
    public ImageGrid labelRow(int row, String text) {
        if (labelWidth == 0) throw new IllegalStateException("this grid has no label margin");
        int y0 = GAP + row * (height * scale + GAP);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.WHITE);
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, 4, y0 + (height * scale + m.getAscent() - m.getDescent()) / 2);
        g.dispose();
        return this;
    }

    public BufferedImage image() {
        return image;
    }

    /** Writes the grid as PNG, atomically (a reader never sees a half-written file). */
    public void writePng(Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer available");
        });
    }

    private static int toByte(float v) {
        float c = v < 0 ? 0 : v > 1 ? 1 : v;
        return Math.round(c * 255f);
    }
}
