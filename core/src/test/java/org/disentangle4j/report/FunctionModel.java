package org.disentangle4j.report;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.disentangle4j.model.Batch;
import org.disentangle4j.model.Likelihood;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.model.StepContext;
import org.disentangle4j.nn.Torch;

/**
 * A model that is a fixed function (no parameters, not trained), for figures whose pixels can be
 * computed by hand: subclasses give {@link #represent} and {@link #decode}; what it decodes is
 * read as it is (no clamping).
 */
abstract class FunctionModel extends Model {
    private static final NDManager MANAGER = Torch.newManager();

    FunctionModel(int[] observationShape, int latentDim) {
        super(new ModelSpec("function-test", observationShape, latentDim, Likelihood.BERNOULLI, Map.of()), MANAGER, 0);
    }

    @Override
    public NDArray observationMean(NDArray decoderOutput) {
        return decoderOutput;
    }

    @Override
    public Losses losses(Batch batch, StepContext context) {
        throw new UnsupportedOperationException("a fixed function is not trained");
    }
}
