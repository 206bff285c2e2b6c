package org.disentangle4j.train;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.model.Method;

/**
 * The {@code --blocks} option: the sizes of the latent blocks, e.g. {@code 1,1} (ScalarLatents:
 * two blocks of one dimension) or {@code 2,2} (BlockLatents). It sets the latent size to their
 * sum and, for a method with a {@code block-size} hyper-parameter (an additive decoder), the block
 * size; the decoder's blocks are of equal size, so every size must be the same.
 */
public record BlockSpec(int[] sizes) {
    /** The hyper-parameter an additive method takes its block size from. */
    public static final String BLOCK_SIZE = "block-size";

    public BlockSpec {
        sizes = sizes.clone();
    }

    /** Parses "1,1" / "2, 2"; one-line {@link UserInputException} on anything else. */
    public static BlockSpec parse(String text) {
        String[] parts = text.split(",");
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                sizes[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UserInputException("--blocks: expected block sizes separated by commas, e.g. 1,1 or 2,2; got '" + text + "'");
            }
            if (sizes[i] < 1) throw new UserInputException("--blocks: block sizes must be positive, got '" + text + "'");
        }
        if (Arrays.stream(sizes).distinct().count() > 1) {
            throw new UserInputException("--blocks " + text + ": blocks of different sizes are not supported (the additive decoder splits "
                    + "the code into equal blocks)");
        }
        return new BlockSpec(sizes);
    }

    /** The dataset's own blocks (their sizes) when it declares equally sized ones. */
    public static Optional<BlockSpec> of(GroundTruthDataset dataset) {
        return dataset.latentBlocks()
                .map(blocks -> Arrays.stream(blocks).mapToInt(b -> b.length).toArray())
                .filter(s -> Arrays.stream(s).distinct().count() == 1)
                .map(BlockSpec::new);
    }

    public int latentDim() {
        return Arrays.stream(sizes).sum();
    }

    public int blockSize() {
        return sizes[0];
    }

    /** Whether the method splits its code into blocks ({@code block-size}), so the blocks mean more than the latent size. */
    public static boolean usesBlocks(Method method) {
        return method.hyperParameters().stream().anyMatch(h -> h.name().equals(BLOCK_SIZE));
    }

    @Override
    public String toString() {
        return Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockSpec b && Arrays.equals(sizes, b.sizes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sizes);
    }
}
