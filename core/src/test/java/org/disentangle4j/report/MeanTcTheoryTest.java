package org.disentangle4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeanTcTheoryTest {

    @Test
    void closedFormsAtHandCheckedPoints() {
        // ρ = 0.6: 1 − ρ² = 0.64 → TC(μ) = −½ log 0.64 = log 1.25
        assertEquals(Math.log(1.25), MeanTcTheory.tcMean(0.6), 1e-15);
        // s = 1: corr(z) = ρ/2; the bound is −½ log(1 − ¼) = ½ log(4/3)
        assertEquals(0.3, MeanTcTheory.sampledCorrelation(0.6, 1), 1e-15);
        assertEquals(-0.5 * Math.log(1 - 0.09), MeanTcTheory.tcSampled(0.6, 1), 1e-15);
        assertEquals(0.5 * Math.log(4.0 / 3.0), MeanTcTheory.tcSampledBound(1), 1e-15);
        assertEquals(0.0, MeanTcTheory.tcMean(0), 0.0);
    }

    @Test
    void theMeansAreUnboundedWhileTheSampledCodesStayUnderTheBound() {
        double previous = 0;
        for (double rho : MeanTcTheory.CORRELATIONS) {
            double tc = MeanTcTheory.tcMean(rho);
            assertTrue(tc >= previous, "TC(μ) grows with ρ");
            previous = tc;
            for (double s : MeanTcTheory.NOISE_SCALES) assertTrue(MeanTcTheory.tcSampled(rho, s) < MeanTcTheory.tcSampledBound(s));
        }
        // ρ = 1 − 10⁻⁸: TC(μ) ≈ ½ log(½·10⁸) ≈ 8.86, TC(z) within 1e-6 of its bound
        assertTrue(MeanTcTheory.tcMean(1 - 1e-8) > 8.8);
        assertEquals(MeanTcTheory.tcSampledBound(1), MeanTcTheory.tcSampled(1 - 1e-8, 1), 1e-6);
    }

    /**
     * The closed forms against the Monte-Carlo estimate of 200,000 draws, for every (ρ, s) of the
     * table. The estimate is f(r̂) = −½ log(1 − r̂²) of the sample correlation r̂, whose standard
     * error is (1 − r²)/√n; the tolerance is how far f moves when r̂ is 3 standard errors from the
     * true r (about 3|r|/√n, the delta method's 3 standard errors of the TC, and 4.5/n at r = 0,
     * where the delta method gives 0 and the estimate is χ²₁/(2n)).
     */
    @Test
    void closedFormsAgreeWithMonteCarlo() {
        int n = MeanTcTheory.DEFAULT_DRAWS;
        List<MeanTcTheory.Row> rows = MeanTcTheory.table(n, MeanTcTheory.DEFAULT_SEED);
        assertEquals(MeanTcTheory.CORRELATIONS.length * MeanTcTheory.NOISE_SCALES.length, rows.size());
        for (MeanTcTheory.Row r : rows) {
            double rz = MeanTcTheory.sampledCorrelation(r.rho(), r.s());
            assertEquals(r.tcMean(), r.monteCarloMean(), tolerance(r.rho(), n), r.toString());
            assertEquals(r.tcSampled(), r.monteCarloSampled(), tolerance(rz, n), r.toString());
            assertEquals(MeanTcTheory.tcMean(r.rho()), r.tcMean(), 0.0);
            assertEquals(MeanTcTheory.tcSampledBound(r.s()), r.bound(), 0.0);
        }
        // the table prints every row with the header
        String text = MeanTcTheory.text(rows, n, 0);
        assertTrue(text.contains("0.9999   2"), text);
        assertEquals(3 + 1 + rows.size(), text.lines().count(), text);
    }

    /** The largest change of −½ log(1 − r²) over r ± 3 standard errors (1 − r²)/√n of a sample correlation. */
    private static double tolerance(double r, int n) {
        double se = (1 - r * r) / Math.sqrt(n);
        double f = tc(r);
        return Math.max(Math.abs(tc(r + 3 * se) - f), Math.abs(tc(r - 3 * se) - f));
    }

    private static double tc(double r) {
        return -0.5 * Math.log((1 - r) * (1 + r));
    }
}
