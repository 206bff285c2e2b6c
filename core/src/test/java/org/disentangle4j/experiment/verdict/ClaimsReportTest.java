package org.disentangle4j.experiment.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.disentangle4j.experiment.verdict.Claim.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsReportTest {

    static List<ClaimVerdict> verdicts() {
        Claim holds = new Claim("tc-mig", "Penalising TC | raises MIG", "mig", "beta-tcvae", "beta-vae", Direction.A_GREATER_THAN_B,
                0.41, null, false);
        Claim noSpread = new Claim("const", "Constant runs differ", "dci", "x", "y", Direction.A_GREATER_THAN_B, null, null, false);
        Claim tooFew = new Claim("few", "One seed is enough", "recon", "p", "q", Direction.A_LESS_THAN_B, 100.0, 120.0, true);
        return List.of(
                ClaimVerdict.judge(holds, ClaimVerdictTest.bySeed(ClaimVerdictTest.HIGH), ClaimVerdictTest.bySeed(ClaimVerdictTest.LOW)),
                ClaimVerdict.judge(noSpread, ClaimVerdictTest.bySeed(0.6, 0.6), ClaimVerdictTest.bySeed(0.5, 0.5)),
                ClaimVerdict.judge(tooFew, ClaimVerdictTest.bySeed(90), ClaimVerdictTest.bySeed(130)));
    }

    @Test
    void writesBothFilesAndNothingElse(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("report");
        ClaimsReport.write(out, verdicts());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(ClaimsReport.JSON, ClaimsReport.MARKDOWN),
                    files.map(p -> p.getFileName().toString()).sorted().toList()); // no temporary file left behind
        }
        assertEquals(ClaimsReport.markdown(verdicts()), Files.readString(out.resolve(ClaimsReport.MARKDOWN)));
    }

    @Test
    void markdownHasOneRowPerClaimWithTheComputedNumbers() {
        String md = ClaimsReport.markdown(verdicts());
        List<String> rows = md.lines().filter(l -> l.startsWith("| **")).toList();
        assertEquals(3, rows.size(), md);
        String first = rows.get(0);
        assertTrue(first.contains("Penalising TC \\| raises MIG"), first); // the pipe cannot split the cell
        assertEquals(14, first.split("(?<!\\\\)\\|", -1).length, first); // 13 unescaped pipes: 12 cells and the two empty ends
        assertTrue(first.contains("| 0.3100 ± 0.01414 | 0.2260 ± 0.01288 | 0.4100 / – | 0.08400 | Cohen's d = 2.777 | 5 vs 5 |"), first);
        assertTrue(first.contains("| Welch's t-test, t = 4.391, df = 7.932 | 0.00236 | **holds** |"), first);
        String constant = rows.get(1);
        // two seeds each: an exact test could not reach α, so no direction is read from t = ∞
        assertTrue(constant.contains("Cohen's d = ∞") && constant.contains("t = ∞, df = – | 0 | **inconclusive** |")
                && constant.contains("even an exact test could not reach"), constant);
        String few = rows.get(2);
        assertTrue(few.contains("| 100.0 / 120.0 |") && few.contains("| 1 pairs |") && few.contains("paired t-test, not run | – | **inconclusive** |"),
                few);
        assertFalse(few.contains("higher") || few.contains("lower"), few);
        assertTrue(md.contains("- **const**: neither group varies"), md);
        assertTrue(md.contains("- **few**: fewer than two seeds shared by both groups (1): no test"), md);
        assertFalse(md.contains("- **tc-mig**"), md);
    }

    @Test
    void pairedRowsCountPairsAndWholeDegreesOfFreedom() {
        Claim paired = new Claim("pairs", "Paired", "mig", "A", "B", Direction.A_GREATER_THAN_B, null, null, true);
        // the paired example by hand: t = 2√3 = 3.464, ν = 2, p = 0.0742
        String md = ClaimsReport.markdown(List.of(
                ClaimVerdict.judge(paired, ClaimVerdictTest.bySeed(1, 3, 5), ClaimVerdictTest.bySeed(0, 1, 2))));
        assertTrue(md.contains("| d_z = 2.000 | 3 pairs | paired t-test, t = 3.464, df = 2 | 0.0742 | **inconclusive** |"), md);
        assertFalse(md.contains("Notes:"), md);
    }

    @Test
    void jsonCarriesTheNumbersAndNullsWhatIsUndefined() {
        JsonObject root = JsonParser.parseString(ClaimsReport.json(verdicts())).getAsJsonObject();
        assertEquals(0.05, root.get("alpha").getAsDouble());
        JsonArray claims = root.getAsJsonArray("claims");
        assertEquals(3, claims.size());

        JsonObject first = claims.get(0).getAsJsonObject();
        assertEquals("tc-mig", first.get("id").getAsString());
        assertEquals("A > B", first.get("expected").getAsString());
        assertEquals(0.41, first.get("paperA").getAsDouble());
        assertTrue(first.get("paperB").isJsonNull());
        assertEquals(0.002363640872535026, first.get("p").getAsDouble(), 1e-14); // scipy 1.17
        assertEquals(7.931553081887621, first.get("df").getAsDouble(), 1e-12);
        assertEquals("holds", first.get("verdict").getAsString());
        JsonObject a = first.getAsJsonObject("a");
        assertEquals(5, a.get("n").getAsInt());
        assertEquals(0.35, a.getAsJsonObject("valuesBySeed").get("2").getAsDouble());
        assertEquals(2.776954340610603, first.get("standardisedEffect").getAsDouble(), 1e-12);

        JsonObject constant = claims.get(1).getAsJsonObject();
        assertTrue(constant.get("t").isJsonNull()); // +∞
        assertTrue(constant.get("df").isJsonNull());
        assertTrue(constant.get("standardisedEffect").isJsonNull());
        assertEquals(0, constant.get("p").getAsDouble());

        JsonObject few = claims.get(2).getAsJsonObject();
        assertTrue(few.get("p").isJsonNull());
        assertTrue(few.getAsJsonObject("a").get("standardError").isJsonNull());
        assertEquals("inconclusive", few.get("verdict").getAsString());
        assertEquals(-40, few.get("difference").getAsDouble(), 1e-12);
    }
}
