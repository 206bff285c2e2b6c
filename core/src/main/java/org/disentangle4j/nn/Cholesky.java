package org.disentangle4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * The Cholesky factor A = L·Lᵀ of a small symmetric positive-definite matrix, built from
 * differentiable engine operations (the engine has no Cholesky with gradients in DJL), so that a
 * loss may contain log det A = 2 Σ log L_jj.
 *
 * <p>Column by column (Cholesky–Crout): v = A[:, j] − L[:, :j]·L[j, :j]ᵀ, L_jj = √v_j and
 * L[i, j] = v_i / L_jj below the diagonal. Only the lower triangle of A is read. O(d) engine
 * operations of size d×d: meant for latent covariances (d ≈ 10), not for large matrices. Every
 * mask is made by engine operations in A's manager, so nothing the backward pass needs aliases
 * Java memory.
 */
public final class Cholesky {
    private Cholesky() {}

    /** The columns' pivots v_j (so L_jj = √v_j), shape (d), and L itself, shape (d, d). */
    private record Factor(NDArray pivots, NDArray lower) {}

    private static Factor factor(NDArray a) {
        long[] shape = a.getShape().getShape();
        if (shape.length != 2 || shape[0] != shape[1]) throw new IllegalArgumentException("need a square matrix, got " + a.getShape());
        int d = Math.toIntExact(shape[0]);
        NDManager m = a.getManager();
        NDArray index = m.arange(d).toType(a.getDataType(), false);
        NDList columns = new NDList();
        NDList pivots = new NDList();
        for (int j = 0; j < d; j++) {
            NDArray v = a.get(":, " + j);
            if (j > 0) {
                NDArray done = NDArrays.stack(columns, 1);          // L[:, :j], (d, j)
                v = v.sub(done.matMul(done.get(j + ", :")));        // − L[:, :j]·L[j, :j]ᵀ
            }
            NDArray pivot = v.get(j);
            NDArray onOrBelow = index.gte(j).toType(a.getDataType(), false);
            columns.add(v.mul(onOrBelow).div(pivot.sqrt()));         // v_i/√v_j below, √v_j on the diagonal, 0 above
            pivots.add(pivot);
        }
        return new Factor(NDArrays.stack(pivots), NDArrays.stack(columns, 1));
    }

    /** L with A = L·Lᵀ, lower triangular with a positive diagonal. */
    public static NDArray lower(NDArray a) {
        return factor(a).lower();
    }

    /** log det A = Σ_j log v_j = 2 Σ_j log L_jj, a scalar. NaN when A is not positive definite. */
    public static NDArray logDeterminant(NDArray a) {
        return factor(a).pivots().log().sum();
    }

    /**
     * The total correlation of a Gaussian with covariance A, ½(Σ_i log A_ii − log det A) ≥ 0: the
     * KL divergence from the product of its marginals. A scalar, differentiable in A.
     */
    public static NDArray gaussianTotalCorrelation(NDArray a) {
        int d = Math.toIntExact(a.getShape().get(0));
        NDArray eye = a.getManager().eye(d, d, 0, a.getDataType());
        NDArray diagonal = a.mul(eye).sum(new int[] {1});
        return Scalars.mul(diagonal.log().sum().sub(logDeterminant(a)), 0.5f);
    }
}
