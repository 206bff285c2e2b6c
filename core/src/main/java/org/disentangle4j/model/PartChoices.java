package org.disentangle4j.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.architecture.CausalStructure;
import org.disentangle4j.model.architecture.Decoder;
import org.disentangle4j.model.architecture.Encoder;
import org.disentangle4j.model.architecture.LatentStructure;

/**
 * The parts a run may put in place of its method's own, by slot and name ({@code train --part
 * decoder=mlp}): any objective on another architecture without declaring a new method. The
 * choices are architecture only; the objective terms stay the method's.
 */
public final class PartChoices {
    public static final String ENCODER = "encoder";
    public static final String STRUCTURE = "structure";
    public static final String DECODER = "decoder";

    private static final Map<String, Part<Encoder>> ENCODERS = new LinkedHashMap<>();
    private static final Map<String, Part<LatentStructure>> STRUCTURES = new LinkedHashMap<>();
    private static final Map<String, Part<Decoder>> DECODERS = new LinkedHashMap<>();
    /** Encoders with a Gaussian posterior: only these may replace one another. */
    private static final Set<Part<Encoder>> GAUSSIAN_ENCODERS = Set.of(Parts.CONV_GAUSSIAN_ENCODER, Parts.MLP_GAUSSIAN_ENCODER,
            Parts.GAUSSIAN_ENCODER_BY_DATA);

    static {
        ENCODERS.put("conv", Parts.CONV_GAUSSIAN_ENCODER);
        ENCODERS.put("mlp", Parts.MLP_GAUSSIAN_ENCODER);
        STRUCTURES.put("none", Parts.IDENTITY);
        STRUCTURES.put("causal", CausalStructure.PART);
        DECODERS.put("conv", Parts.CONV_DECODER);
        DECODERS.put("mlp", Parts.MLP_DECODER);
        DECODERS.put("blocks", Parts.BLOCK_MASKED_DECODER);
    }

    private PartChoices() {}

    /** Every slot with its choices, e.g. {@code encoder=conv|mlp}. */
    public static List<String> describe() {
        return List.of(ENCODER + "=" + String.join("|", ENCODERS.keySet()), STRUCTURE + "=" + String.join("|", STRUCTURES.keySet()),
                DECODER + "=" + String.join("|", DECODERS.keySet()));
    }

    /** Refuses an unknown slot or name in one line naming the choices. */
    public static void check(Map<String, String> choices) {
        for (Map.Entry<String, String> c : choices.entrySet()) {
            Map<String, ?> options = options(c.getKey());
            if (!options.containsKey(c.getValue())) {
                throw new UserInputException("--part " + c.getKey() + "=" + c.getValue() + ": expected " + c.getKey() + "="
                        + String.join("|", options.keySet()));
            }
        }
    }

    /** The composition with the chosen parts in place of its own. */
    public static Composition apply(Composition composition, Map<String, String> choices, String method) {
        check(choices);
        Composition c = composition;
        if (choices.containsKey(ENCODER)) {
            if (!GAUSSIAN_ENCODERS.contains(c.encoder())) {
                throw new UserInputException("--part " + ENCODER + ": " + method + "'s encoder is " + c.encoder().name()
                        + "; only a Gaussian encoder can be replaced");
            }
            c = c.withEncoder(ENCODERS.get(choices.get(ENCODER)));
        }
        if (choices.containsKey(STRUCTURE)) c = c.withStructure(STRUCTURES.get(choices.get(STRUCTURE)));
        if (choices.containsKey(DECODER)) c = c.withDecoder(DECODERS.get(choices.get(DECODER)));
        return c;
    }

    /** The hyper-parameters the chosen parts read (the causal layer's mechanism). */
    public static List<HyperParameter> hyperParameters(Map<String, String> choices) {
        check(choices);
        List<HyperParameter> out = new ArrayList<>();
        if (choices.containsKey(ENCODER)) out.addAll(ENCODERS.get(choices.get(ENCODER)).hyperParameters());
        if (choices.containsKey(STRUCTURE)) out.addAll(STRUCTURES.get(choices.get(STRUCTURE)).hyperParameters());
        if (choices.containsKey(DECODER)) out.addAll(DECODERS.get(choices.get(DECODER)).hyperParameters());
        return out;
    }

    private static Map<String, ?> options(String slot) {
        return switch (slot) {
            case ENCODER -> ENCODERS;
            case STRUCTURE -> STRUCTURES;
            case DECODER -> DECODERS;
            default -> throw new UserInputException("--part " + slot + "=…: no such slot; expected one of " + ENCODER + ", " + STRUCTURE
                    + ", " + DECODER);
        };
    }
}
