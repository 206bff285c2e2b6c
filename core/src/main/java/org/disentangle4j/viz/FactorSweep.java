package org.disentangle4j.viz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.disentangle4j.data.FactorSpace;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.io.UserInputException;

/**
 * Shows what each factor of a dataset does: one row per factor, that factor swept over up to
 * {@value #MAX_LEVELS} evenly spaced levels (first and last included) while every other factor
 * stays at one base vector. Rows are labelled with the factor names.
 */
public final class FactorSweep {
    public static final int MAX_LEVELS = 12;
    private static final int LABEL_WIDTH = 90, SCALE = 2;

    private FactorSweep() {}

    /**
     * The levels to show for a factor with {@code size} levels: all of them when there are at most
     * {@code max}, otherwise {@code max} levels spread evenly from the first to the last.
     */
    public static int[] sweepLevels(int size, int max) {
        int count = Math.min(size, max);
        int[] levels = new int[count];
        for (int i = 0; i < count; i++) {
            levels[i] = count == 1 ? 0 : (int) Math.round((double) i * (size - 1) / (count - 1));
        }
        return levels;
    }

    /** Draws the sweep around {@code base} (one level per factor). */
    public static ImageGrid render(GroundTruthDataset dataset, int[] base) {
        FactorSpace factors = dataset.factors();
        factors.validate(base);
        int[] shape = dataset.observationShape();
        if (shape.length == 1) return renderTable(dataset, base);
        if (shape.length != 3 || (shape[0] != 1 && shape[0] != 3)) {
            throw new UserInputException("dataset '" + dataset.name() + "' has no images to draw (observations of shape "
                    + Arrays.toString(shape) + ")");
        }
        int columns = 0;
        for (int f = 0; f < factors.numFactors(); f++) columns = Math.max(columns, Math.min(factors.size(f), MAX_LEVELS));
        ImageGrid grid = new ImageGrid(factors.numFactors(), columns, shape[0], shape[1], shape[2], SCALE, LABEL_WIDTH);
        float[] image = new float[dataset.observationSize()];
        for (int f = 0; f < factors.numFactors(); f++) {
            grid.labelRow(f, factors.name(f));
            int[] levels = sweepLevels(factors.size(f), MAX_LEVELS);
            for (int col = 0; col < levels.length; col++) {
                int[] v = base.clone();
                v[f] = levels[col];
                dataset.render(v, image, 0);
                grid.put(f, col, image, 0);
            }
        }
        return grid;
    }

    /** Pixels of a table row drawn as a bar chart: height and column width of one bar. */
    static final int BAR_HEIGHT = 48, BAR_WIDTH = 8;

    /**
     * A table ({D} observations in [0, 1]) drawn the same way, each observation as a bar chart:
     * column j of the row is a black bar {@value #BAR_WIDTH} px wide (6 px filled) rising from the
     * bottom by its value times {@value #BAR_HEIGHT} px.
     */
    private static ImageGrid renderTable(GroundTruthDataset dataset, int[] base) {
        FactorSpace factors = dataset.factors();
        int d = dataset.observationShape()[0];
        int columns = 0;
        for (int f = 0; f < factors.numFactors(); f++) columns = Math.max(columns, Math.min(factors.size(f), MAX_LEVELS));
        ImageGrid grid = new ImageGrid(factors.numFactors(), columns, 1, BAR_HEIGHT, BAR_WIDTH * d, SCALE, LABEL_WIDTH);
        float[] row = new float[d];
        for (int f = 0; f < factors.numFactors(); f++) {
            grid.labelRow(f, factors.name(f));
            int[] levels = sweepLevels(factors.size(f), MAX_LEVELS);
            for (int col = 0; col < levels.length; col++) {
                int[] v = base.clone();
                v[f] = levels[col];
                dataset.render(v, row, 0);
                grid.put(f, col, bars(row), 0);
            }
        }
        return grid;
    }

    /** One grey image (BAR_HEIGHT × BAR_WIDTH·D, white background) of a row's values as bars. */
    static float[] bars(float[] row) {
        int width = BAR_WIDTH * row.length;
        float[] image = new float[BAR_HEIGHT * width];
        java.util.Arrays.fill(image, 1f);
        for (int j = 0; j < row.length; j++) {
            int top = BAR_HEIGHT - Math.round(Math.max(0, Math.min(1, row[j])) * BAR_HEIGHT);
            for (int y = top; y < BAR_HEIGHT; y++) {
                for (int x = BAR_WIDTH * j + 1; x < BAR_WIDTH * (j + 1) - 1; x++) image[y * width + x] = 0f;
            }
        }
        return image;
    }

    /** Draws the sweep around a base vector drawn with {@code seed} and writes it as PNG, atomically. */
    public static void writePng(GroundTruthDataset dataset, Path png, long seed) throws IOException {
        int[] base = dataset.factors().sample(1, new SplittableRandom(seed))[0];
        render(dataset, base).writePng(png);
    }
}
