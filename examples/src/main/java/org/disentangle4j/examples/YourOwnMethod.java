package org.disentangle4j.examples;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.disentangle4j.model.Composition;
import org.disentangle4j.model.HyperParameter;
import org.disentangle4j.model.Losses;
import org.disentangle4j.model.Method;
import org.disentangle4j.model.Methods;
import org.disentangle4j.model.Part;
import org.disentangle4j.model.objective.KlTerm;
import org.disentangle4j.model.objective.ObjectiveTerm;
import org.disentangle4j.model.objective.TrainingStep;
import org.disentangle4j.nn.Scalars;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.run.NewRun;
import org.disentangle4j.run.RunEvents;
import org.disentangle4j.run.RunLifecycle;
import org.disentangle4j.train.AfterTraining;

/**
 * A method of your own, from outside the project: an objective term (an L1 penalty on the
 * posterior means, for sparse codes) added to β-VAE's, registered in one line and trained like any
 * other method. No file of the project changes.
 *
 * <p>Usage: {@code YourOwnMethod RUN_DIR [STEPS]}
 */
public final class YourOwnMethod {
    static final HyperParameter SPARSITY = new HyperParameter("sparsity", 1.0, "weight of the L1 norm of the posterior means",
            HyperParameter.Range.WEIGHT);

    /** The term: weight · mean over the batch of Σ_j |μ_j|, logged as {@code l1}. */
    static final class SparseMeans implements ObjectiveTerm {
        private final float weight;

        SparseMeans(double weight) {
            this.weight = (float) weight;
        }

        @Override
        public List<NDArray> contribute(TrainingStep step, Losses losses) {
            NDArray l1 = step.posterior().mean().abs().sum(new int[] {1}).mean();
            losses.term("l1", l1);
            return List.of(Scalars.mul(l1, weight));
        }
    }

    static final Part<ObjectiveTerm> SPARSE_MEANS = new Part<>("sparsity·Σ|μ|", List.of(SPARSITY),
            (spec, networks) -> new SparseMeans(spec.value(SPARSITY)));

    public static final Method SPARSE_BETA_VAE = Method.composed("sparse-beta-vae", "β-VAE with an L1 penalty on the posterior means",
            Composition.vae(List.of(KlTerm.weighted(Methods.BETA), SPARSE_MEANS)));

    public static void main(String[] args) throws Exception {
        Methods.register(SPARSE_BETA_VAE);   // the one line that adds a method
        var request = NewRun.of("sparse-beta-vae").steps(args.length > 1 ? Long.parseLong(args[1]) : 100).hyperParameter("sparsity", 2)
                .logEvery(10).dir(Path.of(args[0])).after(new AfterTraining(false, false, "mig", "10000,5000")).request();
        try (NDManager manager = Torch.newManager()) {
            var outcome = RunLifecycle.run(request, manager, new RunEvents() {});
            System.out.println("outcome " + outcome.kind() + " after " + outcome.steps() + " steps; terms logged: "
                    + java.nio.file.Files.readAllLines(Path.of(args[0], "log.jsonl")).get(0));
        }
    }
}
