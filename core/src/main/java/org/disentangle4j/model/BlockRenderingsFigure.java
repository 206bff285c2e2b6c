package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.disentangle4j.viz.ImageGrid;

/**
 * {@code blocks.png}, the figure of additive decoders: one row per input, showing the input, its
 * reconstruction, then each block's own rendering f_B(z_B). Block renderings are unclamped and
 * may be negative (they are added to one another), so all block tiles share one linear scale from
 * the least to the greatest block value ({@link BlockRenderings#displayRange}). Rows of
 * out-of-support inputs are labelled "unseen", the others "train", when the dataset has an
 * out-of-support set.
 */
public final class BlockRenderingsFigure implements ExtraFigure {
    public static final String FILE = "blocks.png";
    /** Inputs drawn by default. */
    public static final int ROWS = 6;
    private static final int SCALE = 2;
    private static final int LABEL_WIDTH = 52;

    private final Model model;
    private final Function<NDArray, List<NDArray>> decodeBlocks;

    /**
     * @param decodeBlocks each block's own rendering f_B(z_B) for codes (B, d), inference mode,
     *     unclamped: one (B, C, H, W) array per block, whose sum is the decoded image
     */
    public BlockRenderingsFigure(Model model, Function<NDArray, List<NDArray>> decodeBlocks) {
        this.model = model;
        this.decodeBlocks = decodeBlocks;
    }

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public String caption() {
        return "Additive blocks (input, reconstruction, then each block's own rendering, all blocks on one scale)";
    }

    @Override
    public void write(FigureInputs inputs, Path file) throws IOException {
        write(inputs, file, ROWS);
    }

    /**
     * What {@link #write} draws, before any display mapping: {@code count} inputs, their
     * reconstructions (clamped to [0, 1]) and each block's own rendering f_B(z_B) (unclamped; their
     * sum is the unclamped reconstruction), all (count, C, H, W) row-major; {@code unseen[i]} says
     * whether input i is out-of-support.
     */
    public record BlockRenderings(float[] inputs, float[] reconstructions, List<float[]> blocks, boolean[] unseen) {
        /**
         * The one linear display scale of every block tile: {lo, hi}, the least and greatest value
         * of all block renderings together, drawn as 0 and 1 (so a flat block looks flat and tiles
         * compare).
         */
        public float[] displayRange() {
            float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
            for (float[] block : blocks) {
                for (float v : block) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            return new float[] {lo, hi};
        }
    }

    /**
     * {@code count} inputs, the last {@code count / 3} from the out-of-support sampler when the
     * dataset has one, the others from the training distribution; each encoded, reconstructed and
     * decoded block by block.
     */
    public BlockRenderings blockRenderings(FigureInputs inputs, int count) {
        if (count < 1) throw new IllegalArgumentException("need at least one input, got " + count);
        boolean hasUnseen = inputs.dataset().outOfSupport().isPresent();
        int unseenCount = hasUnseen ? count / 3 : 0;
        int size = inputs.dataset().observationSize();
        float[] images = Arrays.copyOf(inputs.render(count - unseenCount, 5), count * size);
        if (unseenCount > 0) {
            Optional<float[]> unseenImages = inputs.renderOutOfSupport(unseenCount, 6);
            System.arraycopy(unseenImages.orElseThrow(), 0, images, (count - unseenCount) * size, unseenCount * size);
        }
        boolean[] unseen = new boolean[count];
        for (int i = count - unseenCount; i < count; i++) unseen[i] = true;
        try (NDManager m = inputs.parent().newSubManager()) {
            NDArray codes = model.represent(inputs.batch(m, images, count));
            float[] reconstructions = model.generate(codes).clip(0f, 1f).toFloatArray();
            List<float[]> blocks = new ArrayList<>();
            for (NDArray block : decodeBlocks.apply(codes)) blocks.add(block.toFloatArray());
            return new BlockRenderings(images, reconstructions, blocks, unseen);
        }
    }

    /** Draws {@code count} rows ({@link #blockRenderings}) and returns what it drew. */
    public BlockRenderings write(FigureInputs inputs, Path file, int count) throws IOException {
        BlockRenderings r = blockRenderings(inputs, count);
        int[] shape = inputs.dataset().observationShape();
        boolean labelled = inputs.dataset().outOfSupport().isPresent();
        int numBlocks = r.blocks().size();
        ImageGrid grid = new ImageGrid(count, 2 + numBlocks, shape[0], shape[1], shape[2], SCALE, labelled ? LABEL_WIDTH : 0);
        float[] range = r.displayRange();
        float span = range[1] > range[0] ? range[1] - range[0] : 1f;
        int size = inputs.dataset().observationSize();
        for (int i = 0; i < count; i++) {
            grid.put(i, 0, r.inputs(), i * size);
            grid.put(i, 1, r.reconstructions(), i * size);
            for (int b = 0; b < numBlocks; b++) {
                float[] shown = new float[size];
                float[] block = r.blocks().get(b);
                for (int p = 0; p < size; p++) shown[p] = (block[i * size + p] - range[0]) / span;
                grid.put(i, 2 + b, shown, 0);
            }
            if (labelled) grid.labelRow(i, r.unseen()[i] ? "unseen" : "train");
        }
        grid.writePng(file);
        return r;
    }
}
