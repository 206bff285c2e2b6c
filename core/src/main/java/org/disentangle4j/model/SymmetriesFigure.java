package org.disentangle4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import org.disentangle4j.nn.MatrixExponential;
import org.disentangle4j.viz.ImageGrid;

/**
 * {@code symmetries.png}, CFASL's figure: one row per learned section i of the codebook. The code
 * z of one image (the same in every row) is moved by exp(t·Ā_i) for t from −{@value #T_MAX} to
 * +{@value #T_MAX} and decoded; Ā_i = (1/S) Σ_j A_ij is the section's mean element, the composite
 * symmetry the predictor makes when only switch i is on and its section weights are uniform. The
 * first column is the input image; the middle column (t = 0) is its reconstruction.
 */
public final class SymmetriesFigure implements ExtraFigure {
    public static final String FILE = "symmetries.png";
    /** The largest |t|. */
    public static final double T_MAX = 2.0;
    /** Values of t per row. */
    public static final int STEPS = 9;
    private static final int SCALE = 2;
    private static final int LABEL_WIDTH = 30;

    private final Model model;
    private final SymmetryCodebook codebook;

    public SymmetriesFigure(Model model, SymmetryCodebook codebook) {
        this.model = model;
        this.codebook = codebook;
    }

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public String caption() {
        return "Learned symmetries (one row per codebook section: the input, then its code moved by exp(t·A) for t from −"
                + (int) T_MAX + " to " + (int) T_MAX + ", decoded)";
    }

    /** The values of t, evenly spaced from −T_MAX to T_MAX. */
    public static float[] times() {
        float[] t = new float[STEPS];
        for (int k = 0; k < STEPS; k++) t[k] = (float) (-T_MAX + 2 * T_MAX * k / (STEPS - 1));
        return t;
    }

    /**
     * The decoded images (sections, STEPS, C, H, W) row-major, for the code of {@code image}
     * (one observation, C·H·W values): row i, column k is Dec(z·exp(t_k·Ā_i)).
     */
    public float[] traversals(FigureInputs inputs, float[] image) {
        int d = model.latentDim();
        int s = codebook.subSymmetries();
        try (NDManager m = inputs.parent().newSubManager()) {
            NDArray z = model.represent(inputs.batch(m, image, 1));                        // (1, D)
            NDArray algebra = codebook.parameter().getArray().duplicate();
            algebra.attach(m);
            NDArray sections = algebra.reshape(d, s, d, d).mean(new int[] {1});           // (D, D, D)
            NDList rows = new NDList();
            for (float t : times()) {
                NDArray g = MatrixExponential.exp(sections.mul(t));                       // (D, D, D)
                rows.add(z.matMul(g).reshape(d, 1, d));                                   // (D, 1, D)
            }
            NDArray codes = NDArrays.concat(rows, 1).reshape(-1, d);                      // (D·STEPS, D), row-major by section
            return model.generate(codes).clip(0f, 1f).toFloatArray();
        }
    }

    @Override
    public void write(FigureInputs inputs, Path file) throws IOException {
        int[] shape = inputs.dataset().observationShape();
        int size = inputs.dataset().observationSize();
        float[] image = inputs.render(1, 11);
        float[] images = traversals(inputs, image);
        int d = model.latentDim();
        ImageGrid grid = new ImageGrid(d, 1 + STEPS, shape[0], shape[1], shape[2], SCALE, LABEL_WIDTH);
        for (int i = 0; i < d; i++) {
            grid.put(i, 0, image, 0);
            for (int k = 0; k < STEPS; k++) grid.put(i, 1 + k, images, (i * STEPS + k) * size);
            grid.labelRow(i, "A" + i);
        }
        grid.writePng(file);
    }
}
