package org.disentangle4j.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.disentangle4j.model.architecture.Decoder;
import org.disentangle4j.model.architecture.Encoder;
import org.disentangle4j.model.architecture.LatentStructure;
import org.disentangle4j.model.architecture.ObservationModel;
import org.disentangle4j.model.objective.ObjectiveTerm;

/**
 * A model as parts: an encoder, a latent structure, a decoder, an observation model and the
 * objective terms, each a {@link Part} with its own hyper-parameters. A method is one composition
 * ({@link Method#composed}); {@link ComposedModel} builds it. The parts' networks are built in
 * this order (encoder, structure, decoder, then each term's), so the same seed gives the same
 * initial weights to the same parts.
 *
 * @param keepsBest whether the trainer keeps the parameters of the lowest validation loss (the
 *     reconstruction loss in inference mode) in {@code best.npz}, validating every
 *     {@code --validate-every} steps
 * @param figures figures of the method's own beyond its parts'
 */
public record Composition(Part<Encoder> encoder, Part<LatentStructure> structure, Part<Decoder> decoder, Part<ObservationModel> observation,
        List<Part<ObjectiveTerm>> terms, boolean keepsBest, List<Function<Model, ExtraFigure>> figures) {

    /** Steps between validations of a composition that keeps its best parameters. */
    public static final HyperParameter VALIDATE_EVERY = new HyperParameter("validate-every", 250,
            "steps between validations; best.npz keeps the lowest validation loss", HyperParameter.Range.COUNT);
    /** Observations in the validation set: 512 images, 8 of the default batches. */
    public static final int VALIDATION_SIZE = 512;

    public Composition {
        terms = List.copyOf(terms);
        figures = List.copyOf(figures);
    }

    /** A VAE: a Gaussian encoder and a decoder chosen by the data, no latent structure, the run's likelihood, the given terms. */
    public static Composition vae(List<Part<ObjectiveTerm>> terms) {
        return new Composition(Parts.GAUSSIAN_ENCODER_BY_DATA, Parts.IDENTITY, Parts.DECODER_BY_DATA, Parts.RUN_LIKELIHOOD, terms, false, List.of());
    }

    public Composition withEncoder(Part<Encoder> part) {
        return new Composition(part, structure, decoder, observation, terms, keepsBest, figures);
    }

    public Composition withStructure(Part<LatentStructure> part) {
        return new Composition(encoder, part, decoder, observation, terms, keepsBest, figures);
    }

    public Composition withDecoder(Part<Decoder> part) {
        return new Composition(encoder, structure, part, observation, terms, keepsBest, figures);
    }

    public Composition withObservation(Part<ObservationModel> part) {
        return new Composition(encoder, structure, decoder, part, terms, keepsBest, figures);
    }

    /** This composition with more terms after its own. */
    @SafeVarargs
    public final Composition plus(Part<ObjectiveTerm>... more) {
        List<Part<ObjectiveTerm>> all = new ArrayList<>(terms);
        all.addAll(List.of(more));
        return new Composition(encoder, structure, decoder, observation, all, keepsBest, figures);
    }

    /** This composition keeping its best-validation parameters. */
    public Composition keepingBest() {
        return new Composition(encoder, structure, decoder, observation, terms, true, figures);
    }

    public Composition withFigure(Function<Model, ExtraFigure> figure) {
        List<Function<Model, ExtraFigure>> all = new ArrayList<>(figures);
        all.add(figure);
        return new Composition(encoder, structure, decoder, observation, terms, keepsBest, all);
    }

    /** Every part's hyper-parameters, in the order the parts are built; the first declaration of a name wins. */
    public List<HyperParameter> hyperParameters() {
        Map<String, HyperParameter> byName = new LinkedHashMap<>();
        List<Part<?>> parts = new ArrayList<>(List.of(encoder, structure, decoder, observation));
        parts.addAll(terms);
        for (Part<?> p : parts) p.hyperParameters().forEach(h -> byName.putIfAbsent(h.name(), h));
        if (keepsBest) byName.putIfAbsent(VALIDATE_EVERY.name(), VALIDATE_EVERY);
        return List.copyOf(byName.values());
    }

    /** One line per slot, as {@code models} prints a method's composition. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("encoder: " + encoder.name());
        if (structure != Parts.IDENTITY) lines.add("latent structure: " + structure.name());
        lines.add("decoder: " + decoder.name());
        lines.add("observation model: " + observation.name());
        lines.add("objective: reconstruction" + String.join("", terms.stream().map(t -> " + " + t.name()).toList()));
        if (keepsBest) lines.add("keeps the best-validation parameters (best.npz)");
        return lines;
    }
}
