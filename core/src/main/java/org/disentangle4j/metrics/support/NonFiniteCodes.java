package org.disentangle4j.metrics.support;

import java.util.Optional;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.metrics.PosteriorCodes;
import org.disentangle4j.metrics.RepresentationFunction;

/**
 * The one check that codes are finite, made where codes enter the metrics (a file, user arrays, a
 * model's encodings), so that no metric meets a NaN deep inside (histogram bins, classifiers) and
 * the user gets one line naming the source and how many rows are bad, not a stack trace.
 */
public final class NonFiniteCodes {
    private NonFiniteCodes() {}

    /** Rows holding at least one NaN or ±infinity. */
    public static int badRows(double[][] codes) {
        int bad = 0;
        for (double[] row : codes) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    bad++;
                    break;
                }
            }
        }
        return bad;
    }

    /**
     * Refuses codes with non-finite rows, counted over all the given parts (e.g. a training and a
     * test sample of one model).
     *
     * @param source how the codes are named in the message: a file, a run
     */
    public static void require(String source, double[][]... parts) {
        int bad = 0;
        int rows = 0;
        for (double[][] codes : parts) {
            bad += badRows(codes);
            rows += codes.length;
        }
        if (bad > 0) throw error(source, bad, rows, "");
    }

    /**
     * The representation with its codes checked on every call, for the metrics that encode their
     * own points batch by batch; the message counts the bad rows of the first batch that has any.
     */
    public static RepresentationFunction guard(RepresentationFunction representation, String source) {
        return new RepresentationFunction() {
            @Override
            public double[][] represent(float[] observations, int count) {
                double[][] codes = representation.represent(observations, count);
                int bad = badRows(codes);
                if (bad > 0) throw error(source, bad, codes.length, " of an encoded batch");
                return codes;
            }

            @Override
            public Optional<int[][]> latentBlocks() {
                return representation.latentBlocks();
            }

            @Override
            public Optional<org.disentangle4j.metrics.LatentInterventions> interventions() {
                return representation.interventions();
            }

            // forwarded, or the metrics of sampled codes (mean_tc) would never see a VAE's posterior
            @Override
            public Optional<PosteriorCodes> posterior(float[] observations, int count) {
                Optional<PosteriorCodes> posterior = representation.posterior(observations, count);
                posterior.ifPresent(p -> {
                    int badMeans = badRows(p.means());
                    if (badMeans > 0) throw error(source, badMeans, p.means().length, " of an encoded batch");
                    double[][] v = p.logVariances();
                    int bad = badRows(v);
                    if (bad > 0) {
                        throw new UserInputException(source + ": " + bad + " of " + v.length + " rows of an encoded batch have a non-finite"
                                + " posterior log-variance (NaN or infinity); log-variances must be finite numbers");
                    }
                });
                return posterior;
            }
        };
    }

    private static UserInputException error(String source, int bad, int rows, String where) {
        return new UserInputException(source + ": " + bad + " of " + rows + " rows" + where
                + " have a non-finite code (NaN or infinity); codes must be finite numbers");
    }
}
