package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ModelsCommandTest {

    @Test
    void listsEveryModelWithItsHyperParametersAndDefaults() {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertEquals(0, Main.commandLine().execute("models"));
        } finally {
            System.setOut(saved);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        for (String name : List.of("vae ", "beta-vae ", "annealed-vae ", "factor-vae ", "dip-vae-i ", "dip-vae-ii ", "beta-tcvae ")) {
            assertTrue(text.lines().anyMatch(l -> l.startsWith(name)), name + " missing from\n" + text);
        }
        assertTrue(text.matches("(?s).*--c-max +default 25 .*"), text);
        assertTrue(text.matches("(?s).*--iteration-threshold +default 100000 .*"), text);
        assertTrue(text.matches("(?s).*--lambda-d +default 10·lambda-od .*"), text);
        assertTrue(text.matches("(?s).*--lambda-d +default lambda-od .*"), text);
        // each method's composition: its parts and its terms in the order they enter the loss
        String factorVae = text.substring(text.indexOf("factor-vae "), text.indexOf("dip-vae-i "));
        assertTrue(factorVae.contains("    encoder: conv 64×64 → Gaussian (MLP on other data)"), factorVae);
        assertTrue(factorVae.contains("    objective: reconstruction + KL + γ·TC by a discriminator (own Adam)"), factorVae);
        String cdg = text.substring(text.indexOf("cdg-vae "), text.indexOf("mlp-vae "));
        assertTrue(cdg.contains("    latent structure: causal layer over the dataset's DAG"), cdg);
        assertTrue(cdg.contains("    objective: reconstruction + β·KL + λ·alignment of latents with labels"), cdg);
        assertTrue(text.contains("the terms of --base (one of vae, beta-vae, beta-tcvae, factor-vae"), text);
    }

    @Test
    void trainTakesEveryHyperParameterAsAFlag() {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("train", "--help"));
        String help = out.toString();
        for (String flag : List.of("--beta", "--gamma", "--c-max", "--iteration-threshold", "--lambda-od", "--lambda-d")) {
            assertTrue(help.contains(flag + "=X"), flag + " missing from\n" + help);
        }
        // gamma means different things for two models; both are described
        assertTrue(help.replaceAll("\\s+", " ").contains("annealed-vae default 1000, factor-vae default 40"), help);
    }
}
