package org.disentangle4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.disentangle4j.io.UserInputException;
import org.junit.jupiter.api.Test;

class MethodsTest {
    private static final int[] SHAPE = {1, 64, 64};

    @Test
    void theZooIsRegistered() {
        List<String> names = Methods.all().stream().map(Method::name).toList();
        assertTrue(names.containsAll(List.of("vae", "beta-vae", "annealed-vae", "factor-vae", "dip-vae-i", "dip-vae-ii", "beta-tcvae")),
                names.toString());
    }

    @Test
    void plainVaeHasOnlyEveryVaesIndependenceWeight() {
        assertEquals(Map.of("im-weight", 0.0), Methods.spec("vae", SHAPE, 10, Likelihood.BERNOULLI, Map.of()).hyperParameters());
        UserInputException e = assertThrows(UserInputException.class,
                () -> Methods.spec("vae", SHAPE, 10, Likelihood.BERNOULLI, Map.of("beta", 4.0)));
        assertEquals("model vae has no hyper-parameter --beta; it has --im-weight", e.getMessage());
    }

    @Test
    void relativeDefaultsFollowTheirBase() {
        assertEquals(Map.of("lambda-od", 10.0, "lambda-d", 100.0, "im-weight", 0.0),
                Methods.spec("dip-vae-i", SHAPE, 10, Likelihood.BERNOULLI, Map.of()).hyperParameters());
        assertEquals(Map.of("lambda-od", 5.0, "lambda-d", 50.0, "im-weight", 0.0),
                Methods.spec("dip-vae-i", SHAPE, 10, Likelihood.BERNOULLI, Map.of("lambda-od", 5.0)).hyperParameters());
        assertEquals(Map.of("lambda-od", 5.0, "lambda-d", 5.0, "im-weight", 0.0),
                Methods.spec("dip-vae-ii", SHAPE, 10, Likelihood.BERNOULLI, Map.of("lambda-od", 5.0)).hyperParameters());
        assertEquals(Map.of("lambda-od", 5.0, "lambda-d", 1.0, "im-weight", 0.0),
                Methods.spec("dip-vae-ii", SHAPE, 10, Likelihood.BERNOULLI, Map.of("lambda-od", 5.0, "lambda-d", 1.0)).hyperParameters());
        HyperParameter lambdaD = Methods.get("dip-vae-i").hyperParameters().get(1);
        assertEquals("10·lambda-od", lambdaD.defaultText());
        assertEquals("lambda-od", Methods.get("dip-vae-ii").hyperParameters().get(1).defaultText());
    }

    @Test
    void studyDefaults() {
        assertEquals(Map.of("c-max", 25.0, "gamma", 1000.0, "iteration-threshold", 100_000.0, "im-weight", 0.0),
                Methods.spec("annealed-vae", SHAPE, 10, Likelihood.BERNOULLI, Map.of()).hyperParameters());
        assertEquals(Map.of("gamma", 40.0, "im-weight", 0.0), Methods.spec("factor-vae", SHAPE, 10, Likelihood.BERNOULLI, Map.of()).hyperParameters());
        assertEquals(Map.of("beta", 6.0, "im-weight", 0.0), Methods.spec("beta-tcvae", SHAPE, 10, Likelihood.BERNOULLI, Map.of()).hyperParameters());
    }
}
