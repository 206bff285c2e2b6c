package org.disentangle4j.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.metrics.stats.SpectralDensityRatio;
import org.disentangle4j.metrics.support.ProgressCounter;

/**
 * Spectral independence of a decoder's convolutional layers (issue 15, specs/im-extrapolation.md):
 * the spectral density ratio ρ of each layer ({@link SpectralDensityRatio}: ρ ≈ 1 generic, far
 * from 1 when the kernel is tuned to the spectrum of what enters it), for any model whose
 * decoder exposes its convolutional layers.
 *
 * <p>What enters a layer: {@value #DEFAULT_POINTS} observations drawn from the dataset, encoded
 * (a VAE's posterior means) and decoded; each convolutional layer's input maps of that batch give
 * its input power spectrum S (the batch mean, frequency (0, 0) included). Results: {@code rho_NAME}
 * per layer (NAME its name in the decoder, in data order) and {@code mean_abs_log_rho}, the mean
 * of |log ρ| over the layers (0 when every layer is generic; the regulariser
 * {@code --im-weight} pushes Σ (log ρ)²). Not applicable to arrays, nor to models whose decoder
 * has no convolutional layers.
 */
public record SpectralIndependenceScore(int numPoints) implements ModelMetric {
    public static final String NAME = "spectral_independence";
    public static final String MEAN_ABS_LOG_RHO = "mean_abs_log_rho";
    public static final int DEFAULT_POINTS = 64;

    public SpectralIndependenceScore() {
        this(DEFAULT_POINTS);
    }

    public SpectralIndependenceScore {
        if (numPoints < 1) throw new IllegalArgumentException("need at least one point, got " + numPoints);
    }

    @Override
    public Map<String, Double> evaluate(GroundTruthDataset dataset, RepresentationFunction representation, DecoderFunction decoder,
            RandomGenerator rng, ProgressListener progress, List<String> notes) {
        ProgressCounter counter = new ProgressCounter(progress, NAME, 2);
        int[][] factors = dataset.sampleFactors(numPoints, rng);
        double[][] codes = representation.represent(dataset.render(factors), numPoints);
        counter.add(1);
        List<DecoderFunction.ConvolutionLayerInputs> layers = decoder == null ? List.of() : decoder.convolutionLayers(codes);
        if (layers.isEmpty()) {
            counter.finish();
            throw new MetricNotApplicableException("the model's decoder has no convolutional layers to measure");
        }
        Map<String, Double> result = score(layers);
        counter.add(1);
        counter.finish();
        notes.add(NAME + ": " + numPoints + " observations encoded and decoded; ρ of " + layers.size() + " convolutional layers");
        return result;
    }

    /** {@code rho_NAME} per layer and {@link #MEAN_ABS_LOG_RHO}. */
    public static Map<String, Double> score(List<DecoderFunction.ConvolutionLayerInputs> layers) {
        Map<String, Double> result = new LinkedHashMap<>();
        double sum = 0;
        for (DecoderFunction.ConvolutionLayerInputs layer : layers) {
            double rho = SpectralDensityRatio.of(layer.inputs(), layer.kernel()).layer();
            result.put("rho_" + layer.name(), rho);
            sum += Math.abs(Math.log(rho));
        }
        result.put(MEAN_ABS_LOG_RHO, sum / layers.size());
        return result;
    }
}
