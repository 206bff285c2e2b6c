package org.disentangle4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.disentangle4j.io.UserInputException;
import org.junit.jupiter.api.Test;

/** Categorical hyper-parameters: carried as their choice's index, read and shown by name. */
class HyperParameterTest {
    private static final HyperParameter FLAVOUR = HyperParameter.choice("flavour", "sour", "what it tastes of",
            "sweet", "sour", "salty");

    @Test
    void aChoiceIsItsIndexAndReadsBackAsItsName() {
        assertTrue(FLAVOUR.categorical());
        assertEquals(1.0, FLAVOUR.defaultValue());
        assertEquals("sour", FLAVOUR.defaultText());
        assertEquals(2.0, FLAVOUR.parse("salty"));
        assertEquals(0.0, FLAVOUR.parse("sweet"));
        assertEquals("salty", FLAVOUR.text(2));
        assertEquals("what it tastes of (one of sweet, sour, salty)", FLAVOUR.help());
        assertEquals("what it tastes of (one of sweet, sour, salty) (study grid sweet, salty)", FLAVOUR.withGrid(0, 2).help());
        ModelSpec spec = new ModelSpec("m", new int[] {1, 2, 2}, 2, Likelihood.BERNOULLI, Map.of("flavour", 2.0));
        assertEquals("salty", spec.choice(FLAVOUR));
    }

    @Test
    void anUnknownNameOrIndexIsOneLineNamingTheOption() {
        UserInputException e = assertThrows(UserInputException.class, () -> FLAVOUR.parse("bitter"));
        assertEquals("--flavour must be one of sweet, sour, salty, got 'bitter'", e.getMessage());
        assertNull(FLAVOUR.violation(2));
        assertEquals("--flavour must be one of sweet, sour, salty, got 3", FLAVOUR.violation(3));
        assertEquals("--flavour must be one of sweet, sour, salty, got 0.5", FLAVOUR.violation(0.5));
        assertThrows(IllegalArgumentException.class, () -> HyperParameter.choice("x", "c", "d", "a", "b"));
        assertThrows(IllegalArgumentException.class, () -> HyperParameter.choice("x", "a", "d", "a", "a"));
    }

    @Test
    void numericParametersAreUnchanged() {
        HyperParameter beta = new HyperParameter("beta", 4, "weight", HyperParameter.Range.WEIGHT).withGrid(1, 2);
        assertFalse(beta.categorical());
        assertEquals("4", beta.defaultText());
        assertEquals("weight (study grid 1, 2)", beta.help());
        assertEquals(0.25, beta.parse("0.25"));
        assertEquals("0.25", beta.text(0.25));
        assertEquals("--beta must be ≥ 0, got -1", beta.violation(-1));
        UserInputException e = assertThrows(UserInputException.class, () -> beta.parse("four"));
        assertEquals("--beta must be a number, got 'four'", e.getMessage());
        ModelSpec spec = new ModelSpec("m", new int[] {1, 2, 2}, 2, Likelihood.BERNOULLI, Map.of("beta", 2.0));
        assertThrows(IllegalStateException.class, () -> spec.choice(beta));
        assertEquals(List.of(), beta.choices());
    }
}
