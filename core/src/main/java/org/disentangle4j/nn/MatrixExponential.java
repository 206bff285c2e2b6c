package org.disentangle4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * The matrix exponential exp(A) = Σ_k A^k / k! of a square matrix (d, d) or of a batch of them
 * (n, d, d), built from differentiable engine operations (DJL has no matrix exponential), so that
 * a loss may contain exp(A) and back-propagate to A. Meant for small matrices (d ≈ 10: CFASL's
 * latent symmetries).
 *
 * <p>Scaling and squaring: exp(A) = exp(A / 2^s)^(2^s).
 * <ol>
 *   <li>The scaling s is the least s ≥ 0 with ‖A‖₁ / 2^s ≤ {@value #SCALED_NORM_BOUND}, where ‖·‖₁
 *       is the maximum absolute column sum (an operator norm, so ‖XY‖₁ ≤ ‖X‖₁‖Y‖₁). For a batch
 *       one s serves all matrices: the largest matrix norm decides. The norm is read to the host
 *       to choose s (one small device-to-host copy per call); s is an integer constant of the
 *       computation, piecewise constant in A, so the result stays differentiable in A everywhere
 *       except where the chosen s changes, and there it is continuous up to the truncation error.
 *   <li>X = A / 2^s; T = the Taylor polynomial of order {@value #TAYLOR_ORDER} of exp(X), by
 *       Horner's rule: T = I + X(I + X/2(I + X/3(… (I + X/m)))), m matrix products.
 *   <li>s squarings: T ← T·T.
 * </ol>
 *
 * <p>Truncation error: with ‖X‖₁ ≤ ½ the remainder of the order-m series is bounded by
 * Σ_{k>m} ‖X‖^k/k! ≤ (½)^{m+1}/(m+1)! · 1/(1 − ½/(m+2)); for m = 10 that is 1.3·10⁻¹¹, while
 * ‖exp(X)‖ ≥ e^{−½}, so the relative error of T is below 2.1·10⁻¹¹ — far below float32's
 * 6·10⁻⁸. Squaring multiplies a relative error by about 2^s, so truncation stays below float32
 * rounding for s ≤ 10 (‖A‖₁ ≤ 512); beyond that float32 rounding, which squaring amplifies in
 * the same way, dominates anyway. (Order 8 would give 5.7·10⁻⁹ before squaring, too close to the
 * float32 rounding once squared a few times.)
 *
 * <p>Non-finite input gives non-finite output (no scaling is attempted), so a diverging loss is
 * seen as such. Every constant is made in the engine (identity by {@code manager.eye}, scalars by
 * {@link Scalars}) in A's manager, so nothing the backward pass needs lives in Java memory.
 */
public final class MatrixExponential {
    /** Order of the Taylor polynomial after scaling. */
    public static final int TAYLOR_ORDER = 10;
    /** The scaled matrix's 1-norm is at most this. */
    public static final double SCALED_NORM_BOUND = 0.5;

    private MatrixExponential() {}

    /** exp(A) for A of shape (d, d) or (n, d, d); same shape as A. */
    public static NDArray exp(NDArray a) {
        int d = checkSquare(a);
        int s = scaling(oneNorm(a));
        NDManager m = a.getManager();
        NDArray identity = m.eye(d, d, 0, a.getDataType());
        NDArray x = s == 0 ? a : Scalars.div(a, (float) Math.scalb(1.0, s)); // 2^s is exact in float
        NDArray t = identity.add(Scalars.div(x, TAYLOR_ORDER));
        for (int k = TAYLOR_ORDER - 1; k >= 1; k--) {
            t = identity.add(Scalars.div(x.matMul(t), k)); // broadcasts over a batch
        }
        for (int i = 0; i < s; i++) t = t.matMul(t);
        return t;
    }

    /**
     * The number of squarings for a matrix (or a batch) whose largest 1-norm is {@code norm}: the
     * least s ≥ 0 with norm / 2^s ≤ {@value #SCALED_NORM_BOUND}; 0 for a non-finite norm.
     */
    public static int scaling(double norm) {
        if (!Double.isFinite(norm) || norm <= SCALED_NORM_BOUND) return 0;
        int s = (int) Math.ceil(Math.log(norm / SCALED_NORM_BOUND) / Math.log(2));
        while (norm / Math.scalb(1.0, s) > SCALED_NORM_BOUND) s++; // guard against log rounding
        while (s > 0 && norm / Math.scalb(1.0, s - 1) <= SCALED_NORM_BOUND) s--;
        return s;
    }

    /** The largest 1-norm (maximum absolute column sum) over the matrices of A, read to the host. */
    public static double oneNorm(NDArray a) {
        checkSquare(a);
        NDArray detached = a.stopGradient(); // choosing s is not part of the function differentiated
        int rows = a.getShape().dimension() - 2;
        return detached.abs().sum(new int[] {rows}).max().toType(DataType.FLOAT64, false).getDouble();
    }

    private static int checkSquare(NDArray a) {
        long[] shape = a.getShape().getShape();
        if ((shape.length != 2 && shape.length != 3) || shape[shape.length - 1] != shape[shape.length - 2]) {
            throw new IllegalArgumentException("need a square matrix (d, d) or a batch (n, d, d), got " + a.getShape());
        }
        return Math.toIntExact(shape[shape.length - 1]);
    }
}
