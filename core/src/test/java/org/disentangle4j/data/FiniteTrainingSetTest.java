package org.disentangle4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A fixed training set: batches hold only its rows, all of them in time, and the set is a function of its seed. */
class FiniteTrainingSetTest {
    private static Set<String> rows(int[][] factors) {
        Set<String> out = new HashSet<>();
        for (int[] f : factors) out.add(Arrays.toString(f));
        return out;
    }

    @Test
    void batchesDrawOnlyTheSetsRowsAndEveryOneOfThem() {
        GroundTruthDataset pendulum = Pendulum.disturbed();
        FiniteTrainingSet set = new FiniteTrainingSet(pendulum, 5, 42);
        Set<String> members = rows(pendulum.sampleFactors(5, new SplittableRandom(42)));
        assertEquals(5, set.size());
        // 1,000 draws from 5 rows: each row is missed with probability (4/5)^1000, i.e. never
        Set<String> drawn = rows(set.sampleFactors(1000, new SplittableRandom(7)));
        assertEquals(members, drawn);
        // the population itself has far more than 5 distinct rows
        assertFalse(members.containsAll(rows(pendulum.sampleFactors(1000, new SplittableRandom(7)))));
    }

    @Test
    void theSetIsAFunctionOfItsSeedAndRendersAsThePopulation() {
        GroundTruthDataset pendulum = Pendulum.standard();
        int[][] a = new FiniteTrainingSet(pendulum, 50, 1).sampleFactors(20, new SplittableRandom(3));
        int[][] b = new FiniteTrainingSet(pendulum, 50, 1).sampleFactors(20, new SplittableRandom(3));
        assertArrayEquals(a, b);
        FiniteTrainingSet set = new FiniteTrainingSet(pendulum, 50, 1);
        assertArrayEquals(pendulum.render(a), set.render(a));
        assertEquals(pendulum.factors().numFactors(), set.factors().numFactors());
        assertEquals(pendulum.causalGraph().isPresent(), set.causalGraph().isPresent());
        assertThrows(IllegalArgumentException.class, () -> new FiniteTrainingSet(pendulum, 0, 1));
    }
}
