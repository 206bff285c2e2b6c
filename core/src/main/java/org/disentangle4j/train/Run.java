package org.disentangle4j.train;

import org.disentangle4j.io.UserInputException;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.disentangle4j.data.Datasets;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.model.Likelihood;
import org.disentangle4j.model.Methods;
import org.disentangle4j.model.Model;
import org.disentangle4j.model.ModelSpec;
import org.disentangle4j.model.Seeds;
import org.disentangle4j.nn.Torch;

/**
 * A training run: its directory, config, dataset and model. {@link #create} validates everything
 * before the directory is made, so bad input never leaves a run directory behind;
 * {@link #open} rebuilds the model of an existing run from its config and checkpoint.
 */
public final class Run implements AutoCloseable {

    private final RunDirectory directory;
    private final TrainingConfig config;
    private final GroundTruthDataset dataset;
    private final Model model;

    private final RunLock lock;

    private Run(RunDirectory directory, RunLock lock, TrainingConfig config, GroundTruthDataset dataset, Model model) {
        this.directory = directory;
        this.lock = lock;
        this.config = config;
        this.dataset = dataset;
        this.model = model;
    }

    /** Starts a new run in {@code dir} (which must not hold a run yet). */
    public static Run create(TrainingConfig given, Path dir, NDManager parent) {
        given.validate();
        GroundTruthDataset dataset = openDataset(given);
        Model model = null;
        try {
            ResourceBounds.check(given, dataset);
            ModelSpec spec = specOf(given, dataset);
            // defaults written out, and the thread count the numbers depend on
            TrainingConfig config = given.withHyperParameters(spec.hyperParameters()).withEngineThreads(org.disentangle4j.nn.Torch.threads());
            model = Methods.create(spec, parent, Seeds.mix(config.seed(), Seeds.INIT, 0));
            RunDirectory.Locked created = RunDirectory.createLocked(dir, config, versions(), "trained");
            return new Run(created.directory(), created.lock(), config, dataset, model);
        } catch (RuntimeException e) {
            if (model != null) model.close();
            Datasets.close(dataset);
            throw e;
        }
    }

    /**
     * Opens an existing run for evaluation, figures or resuming. Its parameters are those of
     * {@code best.npz} when the run keeps its lowest validation loss, else those of the
     * checkpoint when there is one. (Resuming reloads the checkpoint with its optimiser state.)
     */
    public static Run open(Path dir, NDManager parent) {
        return open(dir, parent, "used");
    }

    /**
     * As {@link #open(Path, NDManager)}, holding the directory's lock while the run is open
     * ({@code activity} names what this process does, for the refusal another one gets). A run that
     * has trained steps but lost its checkpoint is refused, and what an interrupted write left behind
     * is removed.
     */
    public static Run open(Path dir, NDManager parent, String activity) {
        RunDirectory directory = RunDirectory.open(dir);
        RunLock lock = RunLock.acquire(dir, activity);
        Run run = null;
        try {
            directory.removeLeftoverTemporaryFiles(lock);
            TrainingConfig config = directory.config().validate();
            GroundTruthDataset dataset = openDataset(config);
            Model model;
            try {
                model = Methods.create(specOf(config, dataset), parent, Seeds.mix(config.seed(), Seeds.INIT, 0));
            } catch (RuntimeException e) {
                Datasets.close(dataset);
                throw e;
            }
            run = new Run(directory, lock, config, dataset, model);
            if (run.useBestParameters().isEmpty()) {
                Path checkpoint = directory.file(RunDirectory.CHECKPOINT);
                if (Files.exists(checkpoint)) {
                    Checkpoint.loadParameters(checkpoint, model);
                } else if (directory.state() != RunDirectory.State.DIVERGED && directory.statusStep() > 0) {
                    throw new UserInputException(checkpoint + " is missing, but the run has trained " + directory.statusStep()
                            + " steps (" + RunDirectory.STATUS + "): its parameters are gone; nothing was changed");
                }
            }
            return run;
        } catch (RuntimeException e) {
            if (run != null) run.close();
            else lock.close();
            throw e;
        }
    }

    /**
     * Loads the parameters of {@code best.npz} into the model when the run has that file (models
     * that keep their lowest validation loss); what evaluation and figures should see after
     * training. Empty when there is none and the parameters are left as they are.
     */
    public Optional<Checkpoint.Best> useBestParameters() {
        Path best = directory.file(RunDirectory.BEST);
        if (!Files.exists(best)) return Optional.empty();
        Checkpoint.loadParameters(best, model);
        return Optional.of(Checkpoint.readBest(best));
    }

    private static GroundTruthDataset openDataset(TrainingConfig config) {
        return Datasets.open(config.dataset(), config.dataFile() == null ? null : Path.of(config.dataFile()),
                config.graphFile() == null ? null : Path.of(config.graphFile()));
    }

    private static ModelSpec specOf(TrainingConfig config, GroundTruthDataset dataset) {
        return Methods.spec(config.model(), dataset.observationShape(), config.latentDim(),
                Likelihood.parse(config.likelihood()), config.hyperParameters(), org.disentangle4j.model.DatasetFacts.of(dataset),
                config.partChoices());
    }

    /** Versions and machine facts that a reproduction needs. */
    public static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("disentangle4j", org.disentangle4j.Version.get());
        v.put("engine", Torch.description());
        v.put("engine_threads", Integer.toString(Torch.threads()));
        v.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        return v;
    }

    public RunDirectory directory() {
        return directory;
    }

    public TrainingConfig config() {
        return config;
    }

    public GroundTruthDataset dataset() {
        return dataset;
    }

    public Model model() {
        return model;
    }

    public Trainer trainer() {
        return new Trainer(model, dataset, config, directory);
    }

    @Override
    public void close() {
        try {
            model.close();
            Datasets.close(dataset); // an official file reader keeps its file open
        } finally {
            lock.close();
        }
    }
}
