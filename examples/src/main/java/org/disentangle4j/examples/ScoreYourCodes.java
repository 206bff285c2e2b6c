package org.disentangle4j.examples;

import java.util.List;
import java.util.SplittableRandom;
import org.disentangle4j.metrics.LabelledCodes;
import org.disentangle4j.metrics.MetricSuite;
import org.disentangle4j.metrics.ProgressListener;
import org.disentangle4j.metrics.SuiteResult;

/**
 * Scores representations held in memory with the metric suite, no files: codes that copy each
 * factor into its own dimension (with a little noise) against the same codes mixed by a rotation.
 */
public final class ScoreYourCodes {
    public static void main(String[] args) {
        SplittableRandom random = new SplittableRandom(0);
        int n = 2000;
        int[][] factors = new int[n][2];
        double[][] aligned = new double[n][2];
        double[][] mixed = new double[n][2];
        for (int i = 0; i < n; i++) {
            factors[i][0] = random.nextInt(5);
            factors[i][1] = random.nextInt(8);
            aligned[i][0] = factors[i][0] + 0.1 * random.nextGaussian();
            aligned[i][1] = factors[i][1] / 2.0 + 0.1 * random.nextGaussian();
            mixed[i][0] = (aligned[i][0] + aligned[i][1]) / Math.sqrt(2);   // each dimension now carries both factors
            mixed[i][1] = (aligned[i][0] - aligned[i][1]) / Math.sqrt(2);
        }
        List<String> metrics = List.of("mig", "dci");
        for (String name : List.of("aligned", "mixed")) {
            LabelledCodes points = MetricSuite.validate(name.equals("aligned") ? aligned : mixed, factors, name, "factors");
            SuiteResult result = new MetricSuite().evaluateArrays(points, null, metrics, 0, ProgressListener.NONE);
            System.out.printf("%s: mig %.3f, dci disentanglement %.3f%n", name, result.scores().get("mig").get("discrete_mig"),
                    result.scores().get("dci").get("disentanglement"));
        }
    }
}
