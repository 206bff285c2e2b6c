package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TheoryCommandTest {
    @TempDir
    Path dir;

    private record Printed(CommandRunner.Outcome outcome, String out) {}

    /** Runs through {@link CommandRunner}, also capturing System.out, where the table goes. */
    private static Printed run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CommandRunner.Outcome outcome;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            outcome = CommandRunner.execute(List.of(args));
        } finally {
            System.setOut(saved);
        }
        return new Printed(outcome, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void meanTcPrintsTheTableAndWritesTheFigure() throws Exception {
        Path png = dir.resolve("figs").resolve("theory.png");
        Printed p = run("theory", "mean-tc", "--out", png.toString());
        assertEquals(0, p.outcome().exit(), p.outcome().err());
        List<String> lines = p.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ρ ") && l.contains("TC(μ)") && l.contains("MC TC(z)") && l.contains("bound")),
                p.out());
        // 6 correlations × 3 noise scales; at ρ = 0.9999 TC(μ) = −½ log(1 − 0.9999²) = 4.2586, and with s = 1 the bound ½ log(4/3) = 0.1438
        assertEquals(18, lines.stream().filter(l -> l.matches("^(0|0\\.5|0\\.9|0\\.99|0\\.999|0\\.9999) +(0\\.5|1|2) .*")).count(), p.out());
        String row = lines.stream().filter(l -> l.matches("^0\\.9999 +1 .*")).findFirst().orElseThrow();
        assertTrue(row.contains(" 4.2586 ") && row.endsWith(" 0.1438"), row);
        assertEquals("wrote " + png, lines.get(lines.size() - 1));

        byte[] bytes = Files.readAllBytes(png);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals("PNG", new String(bytes, 1, 3, StandardCharsets.US_ASCII));
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() >= 600 && image.getHeight() >= 400, image.getWidth() + "×" + image.getHeight());
    }

    @Test
    void helpExplainsItAndBadInputIsOneLine() throws Exception {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("theory", "mean-tc", "--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("TC(mu) = -1/2 log(1 - rho^2)") && help.contains("--out") && help.contains("mean-tc-theory.png"), help);

        Printed notPng = run("theory", "mean-tc", "--out", dir.resolve("x.jpg").toString());
        assertEquals(2, notPng.outcome().exit());
        assertEquals("error: --out: the figure is a PNG; give a file name ending in .png, got " + dir.resolve("x.jpg"),
                notPng.outcome().err().strip());
        Printed draws = run("theory", "mean-tc", "--draws", "1", "--out", dir.resolve("y.png").toString());
        assertEquals(2, draws.outcome().exit());
        assertEquals(1, draws.outcome().err().strip().lines().count(), draws.outcome().err());
        assertTrue(Files.notExists(dir.resolve("y.png")));
        Path directory = Files.createDirectory(dir.resolve("d.png"));
        Printed isDir = run("theory", "mean-tc", "--out", directory.toString());
        assertEquals(2, isDir.outcome().exit());
        assertEquals("error: cannot write " + directory + ": is a directory", isDir.outcome().err().strip());
        assertEquals("", isDir.out(), "refused before any work");
    }
}
