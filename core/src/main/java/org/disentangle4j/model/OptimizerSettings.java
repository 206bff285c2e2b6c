package org.disentangle4j.model;

/**
 * Adam hyper-parameters of one parameter group. Defaults are disentanglement_lib's
 * (TensorFlow's Adam): β1 0.9, β2 0.999, ε 1e-8.
 *
 * @param weightDecay L2 penalty added to the gradient (PyTorch's Adam {@code weight_decay})
 * @param clipNorm clip the group's global gradient norm to this value; 0 disables clipping
 */
public record OptimizerSettings(
        double learningRate, double beta1, double beta2, double epsilon, double weightDecay, double clipNorm) {

    public static OptimizerSettings adam(double learningRate) {
        return new OptimizerSettings(learningRate, 0.9, 0.999, 1e-8, 0, 0);
    }

    public OptimizerSettings withBetas(double b1, double b2) {
        return new OptimizerSettings(learningRate, b1, b2, epsilon, weightDecay, clipNorm);
    }

    public OptimizerSettings withWeightDecay(double decay) {
        return new OptimizerSettings(learningRate, beta1, beta2, epsilon, decay, clipNorm);
    }

    public OptimizerSettings withClipNorm(double norm) {
        return new OptimizerSettings(learningRate, beta1, beta2, epsilon, weightDecay, norm);
    }
}
