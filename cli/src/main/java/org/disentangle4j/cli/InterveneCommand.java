package org.disentangle4j.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.intervene.LayerIntervention;
import org.disentangle4j.intervene.LayerIntervention.Layer;
import org.disentangle4j.intervene.LayerIntervention.Transform;
import org.disentangle4j.io.IoErrors;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.Model;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.train.Run;
import org.disentangle4j.viz.ImageGrid;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code disentangle intervene RUN_DIR}: decode with an intervention. Two modes: a layer
 * intervention ({@link LayerInterventionOptions}) and a latent-node one ({@link NodeInterventionOptions}); modes are mutually exclusive members of
 * {@link Mode}, so a third mode is one more {@code @ArgGroup} field there and one more branch in
 * {@link #call}.
 */
@Command(
        name = "intervene",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Decode a trained run's codes with an intervention.",
            "Layer mode (--transform): decoder layer K's mechanism replaced, every other",
            "layer unchanged; writes a picture of N test images' codes decoded as they are",
            "(top row) and intervened on (bottom row), or with --grid the extrapolation",
            "grid RUN_DIR/extrapolation-layers.png (rows: layers, columns: strengths).",
            "Node mode (--node): latent node NAME set to each value, its descendants",
            "recomputed, the rest unchanged; writes RUN_DIR/interventions.png (tables:",
            "RUN_DIR/interventions.csv, the mean absolute change of every column)."})
public final class InterveneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run directory written by 'disentangle train'")
    Path runDir;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    /** The intervention modes; exactly one is given. */
    static final class Mode {
        @ArgGroup(exclusive = false, heading = "Layer interventions (issue 15):%n")
        LayerInterventionOptions layer;

        @ArgGroup(exclusive = false, heading = "Latent-node interventions (issue 12):%n")
        NodeInterventionOptions node;
    }

    @Option(names = "--out", paramLabel = "FILE.png", description = {"where to write the picture; default",
        "RUN_DIR/intervene-<transform>-layer<K>.png (--grid: extrapolation-layers.png)"})
    Path out;

    @Option(names = "--samples", paramLabel = "N", description = {"test images to decode (not with --grid, which",
        "decodes one); default 8"})
    Integer samples;

    @Option(names = "--seed", paramLabel = "N", description = "which test images; default: the run's seed")
    Long seed;

    @Override
    public Integer call() throws Exception {
        if (mode.node != null) {
            if (out != null || samples != null || seed != null) {
                throw new UserInputException("--out, --samples and --seed are for layer interventions; --node writes RUN_DIR/interventions.png");
            }
            return mode.node.run(runDir, spec.commandLine().getOut());
        }
        return layerMode(mode.layer);
    }

    private Integer layerMode(LayerInterventionOptions o) throws IOException {
        Transform transform = Transform.parse(o.transform);
        if (o.grid && o.strength != null) throw new UserInputException("--strength is for one intervention; with --grid give --strengths");
        if (!o.grid && o.strengths != null) throw new UserInputException("--strengths is for --grid; one intervention takes --strength");
        if (!o.grid && (o.layer == null || o.strength == null)) {
            throw new UserInputException("--transform needs --layer K and --strength S (or --grid)");
        }
        if (o.grid && samples != null) throw new UserInputException("--samples does not apply to --grid (one image per cell)");
        int count = samples != null ? samples : 8;
        if (count < 1) throw new UserInputException("--samples must be at least 1, got " + count);
        double[] strengths = o.grid ? (o.strengths != null ? o.strengths : transform.gridStrengths()) : new double[] {o.strength};
        for (double s : strengths) {
            String violation = transform.strengthViolation(s);
            if (violation != null) throw new UserInputException(o.grid ? violation.replace("--strength", "--strengths") : violation);
        }
        if (out != null) IoErrors.requireWritable(out);
        try (NDManager manager = Torch.newManager(); Run run = Run.open(runDir, manager, "used")) {
            Model model = run.model();
            GroundTruthDataset dataset = run.dataset();
            if (dataset.observationShape().length != 3) throw new UserInputException("dataset " + dataset.name() + " has no images to draw");
            List<String> names = model.interventionTargets().decoderLayers();
            if (names.isEmpty()) {
                throw new UserInputException("model " + run.config().model() + " has no decoder layers to intervene on");
            }
            List<Layer> applicable = LayerIntervention.applicableLayers(model, transform);
            String listed = applicable.stream().map(l -> (l.index() + 1) + "=" + l.name()).collect(Collectors.joining(", "));
            if (applicable.isEmpty()) {
                throw new UserInputException("--transform " + transform.cliName() + " applies to no layer of model " + run.config().model());
            }
            List<Layer> chosen = applicable;
            if (o.layer != null) {
                Layer layer = applicable.stream().filter(l -> o.layer.equals(Integer.toString(l.index() + 1)) || o.layer.equals(l.name()))
                        .findFirst().orElseThrow(() -> new UserInputException("--layer: expected one of the layers " + transform.cliName()
                                + " applies to (" + listed + "), got '" + o.layer + "'"));
                chosen = List.of(layer);
            }
            long s = seed != null ? seed : run.config().seed();
            int n = o.grid ? 1 : count;
            float[] images = dataset.render(dataset.sampleFactors(n, new SplittableRandom(s)));
            int[] shape = dataset.observationShape();
            NDArray codes = model.represent(manager.create(images, new Shape(n, shape[0], shape[1], shape[2])));
            Path file;
            if (o.grid) {
                file = out != null ? out : run.directory().file("extrapolation-layers.png");
                try {
                    LayerIntervention.writeGrid(model, codes, transform, chosen, strengths, file);
                } catch (IOException e) {
                    throw IoErrors.cannotWrite(file, e);
                }
            } else {
                Layer layer = chosen.get(0);
                file = out != null ? out : run.directory().file("intervene-" + transform.cliName() + "-layer" + (layer.index() + 1) + ".png");
                float[] plain = LayerIntervention.generate(model, codes, layer.index(), transform, transform.identity()).toFloatArray();
                float[] changed = LayerIntervention.generate(model, codes, layer.index(), transform, o.strength).toFloatArray();
                int size = shape[0] * shape[1] * shape[2];
                ImageGrid grid = new ImageGrid(2, n, shape[0], shape[1], shape[2], 1);
                for (int i = 0; i < n; i++) {
                    grid.put(0, i, plain, i * size);
                    grid.put(1, i, changed, i * size);
                }
                try {
                    grid.writePng(file);
                } catch (IOException e) {
                    throw IoErrors.cannotWrite(file, e);
                }
            }
            spec.commandLine().getOut().println(file);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
