package org.disentangle4j.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.disentangle4j.io.NpyArray;
import org.disentangle4j.io.NpyDtype;
import org.disentangle4j.io.NpyHeader;
import org.disentangle4j.io.NpyReader;
import org.disentangle4j.io.NpzFile;
import org.disentangle4j.io.UserInputException;

/**
 * The official dSprites archive {@code dsprites_ndarray_co1sh3sc6or40x32y32_64x64.npz}: arrays
 * {@code imgs} (uint8 [737280, 64, 64]), {@code latents_classes} (int64 [737280, 6]) and
 * {@code latents_values} (float64 [737280, 6]), images in mixed-radix factor order (last factor
 * fastest). The single-level colour factor is dropped, leaving the factors of {@link DSprites}
 * with the level values read from the file.
 *
 * <p>The 3 GB of images are streamed out of the archive once and kept bit-packed (one bit per
 * pixel, 377 MB for the official file). The layout is checked on load: every row of
 * {@code latents_classes} must be the factor vector of its index, every row of
 * {@code latents_values} must match its classes, and every pixel must be 0 or 1. Immutable after
 * loading, so thread-safe.
 */
public final class DSpritesFile implements GroundTruthDataset {
    /** Levels per column of {@code latents_classes}: colour, shape, scale, orientation, posX, posY. */
    static final int[] OFFICIAL_SIZES = {1, 3, 6, 40, 32, 32};
    static final int OFFICIAL_IMAGE_SIZE = 64;
    private static final List<String> COLUMNS =
            List.of("color", "shape", "scale", "orientation", "posX", "posY");

    private final FactorSpace factors;
    private final int height, width, wordsPerImage;
    private final long[] pixelBits; // image i, pixel q = y·width + x: bit q % 64 of word i·wordsPerImage + q / 64

    private DSpritesFile(FactorSpace factors, int height, int width, long[] pixelBits) {
        this.factors = factors;
        this.height = height;
        this.width = width;
        this.wordsPerImage = wordsPerImage(height, width);
        this.pixelBits = pixelBits;
    }

    /** Loads the official archive (takes several seconds: the images are inflated and packed). */
    public static DSpritesFile open(Path npz) {
        return open(npz, OFFICIAL_SIZES, OFFICIAL_IMAGE_SIZE);
    }

    /** Loads an archive with the official structure but other sizes (used by tests with tiny fakes). */
    static DSpritesFile open(Path npz, int[] sizesWithColour, int imageSize) {
        if (sizesWithColour[0] != 1) throw new IllegalArgumentException("the colour factor must have one level");
        try (NpzFile archive = NpzFile.open(npz)) {
            for (String key : new String[] {"imgs", "latents_classes", "latents_values"}) {
                if (!archive.contains(key)) {
                    throw new UserInputException(npz + ": no array '" + key + "'; expected the official dSprites "
                            + "archive with imgs, latents_classes and latents_values");
                }
            }
            int count = Arrays.stream(sizesWithColour).reduce(1, Math::multiplyExact);
            int columns = sizesWithColour.length;
            double[] classes = readTable(archive, "latents_classes", count, columns, true).toDoubleArray();
            double[] values = readTable(archive, "latents_values", count, columns, false).toDoubleArray();
            // the classes of every level must be 0, 1, 2, … and the rows in factor order
            double[][] classLevels = FactorTable.levelValues(npz.toString(), "latents_classes", COLUMNS, classes, sizesWithColour);
            for (int f = 0; f < columns; f++) {
                for (int level = 0; level < sizesWithColour[f]; level++) {
                    if (classLevels[f][level] != level) {
                        throw new UserInputException(npz + ": latents_classes numbers the " + COLUMNS.get(f) + " levels "
                                + Arrays.toString(classLevels[f]) + "; expected 0 to " + (sizesWithColour[f] - 1));
                    }
                }
            }
            double[][] levelValues = FactorTable.levelValues(npz.toString(), "latents_values", COLUMNS, values, sizesWithColour);
            FactorSpace factors = new FactorSpace(DSprites.FACTOR_NAMES, Arrays.copyOfRange(levelValues, 1, columns));
            long[] bits = readPackedImages(archive, count, imageSize);
            return new DSpritesFile(factors, imageSize, imageSize, bits);
        }
    }

    private static NpyArray readTable(NpzFile archive, String key, int rows, int columns, boolean integers) {
        NpyHeader h = archive.header(key);
        boolean typeOk = integers ? h.dtype() == NpyDtype.INT64 || h.dtype() == NpyDtype.INT32
                : h.dtype() == NpyDtype.FLOAT64 || h.dtype() == NpyDtype.FLOAT32;
        if (!typeOk || !Arrays.equals(h.shape(), new int[] {rows, columns})) {
            throw new UserInputException(archive.file() + ": " + key + " must be " + (integers ? "int64" : "float64")
                    + " of shape (" + rows + ", " + columns + "), found " + h);
        }
        return archive.read(key);
    }

    /** Streams {@code imgs} one image at a time into one bit per pixel. */
    private static long[] readPackedImages(NpzFile archive, int count, int size) {
        NpyHeader h = archive.header("imgs");
        if (!h.dtype().isByte() || !Arrays.equals(h.shape(), new int[] {count, size, size})) {
            throw new UserInputException(archive.file() + ": imgs must be uint8 of shape (" + count + ", " + size
                    + ", " + size + "), found " + h);
        }
        int words = wordsPerImage(size, size), pixels = size * size;
        long[] bits = new long[Math.multiplyExact(count, words)];
        byte[] image = new byte[pixels];
        try (NpyReader reader = archive.stream("imgs")) {
            for (int i = 0; i < count; i++) {
                reader.readBytes(image, 0, pixels);
                int base = i * words;
                for (int q = 0; q < pixels; q++) {
                    int v = image[q];
                    if (v == 0) continue;
                    if (v != 1) {
                        throw new UserInputException(archive.file() + ": imgs[" + i + "] has pixel value " + (v & 0xFF)
                                + "; expected binary images of 0 and 1");
                    }
                    bits[base + (q >>> 6)] |= 1L << (q & 63);
                }
            }
        }
        return bits;
    }

    private static int wordsPerImage(int height, int width) {
        return (height * width + 63) / 64;
    }

    @Override
    public String name() {
        return DSprites.NAME;
    }

    @Override
    public FactorSpace factors() {
        return factors;
    }

    @Override
    public int[] observationShape() {
        return new int[] {1, height, width};
    }

    @Override
    public void render(int[] f, float[] out, int offset) {
        factors.validate(f);
        // the dropped colour factor has one level, so it does not change the index
        int base = Math.toIntExact(factors.flatIndex(f)) * wordsPerImage;
        Arrays.fill(out, offset, offset + height * width, 0f);
        for (int w = 0; w < wordsPerImage; w++) {
            long word = pixelBits[base + w];
            while (word != 0) {
                out[offset + (w << 6) + Long.numberOfTrailingZeros(word)] = 1f;
                word &= word - 1; // clear the lowest set bit
            }
        }
    }
}
