package org.disentangle4j.experiment.verdict;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.disentangle4j.io.AtomicFiles;

/**
 * Writes the verdicts as {@code claims.md} (one table row per claim, with a plain reading) and
 * {@code claims.json} (the same numbers plus every per-seed value, so anyone can recompute them).
 * Each file is written atomically: complete or absent. In the JSON a NaN or infinite number
 * (an undefined effect or degrees of freedom, a t of ±∞) is {@code null}; the note says why.
 */
public final class ClaimsReport {
    public static final String MARKDOWN = "claims.md";
    public static final String JSON = "claims.json";

    private ClaimsReport() {}

    /** Writes {@value #MARKDOWN} and {@value #JSON} into {@code directory} (created if missing). */
    public static void write(Path directory, List<ClaimVerdict> verdicts) throws IOException {
        AtomicFiles.writeString(directory.resolve(MARKDOWN), markdown(verdicts));
        AtomicFiles.writeString(directory.resolve(JSON), json(verdicts));
    }

    /** The Markdown table, a legend above it and the notes below. */
    public static String markdown(List<ClaimVerdict> verdicts) {
        StringBuilder md = new StringBuilder("# Claims\n\n");
        md.append("Each verdict is computed from the per-seed measurements in ").append(JSON).append(": ")
                .append("**holds** if p < ").append(ClaimVerdict.ALPHA).append(" and A − B goes the way the claim expects, ")
                .append("**against** if p < ").append(ClaimVerdict.ALPHA).append(" and it goes the other way, ")
                .append("**inconclusive** otherwise (including fewer than two seeds in a group). ")
                .append("Means ± standard error (sample SD / √n) over the seeds. Independent groups: ").append(TTest.WELCH)
                .append(" and ").append(Effect.COHENS_D).append(" (difference / pooled SD). Groups paired by seed: the ")
                .append(TTest.PAIRED).append(" over the seeds both have and ").append(Effect.D_Z)
                .append(" (mean difference / SD of the differences). p is two-sided.\n\n");
        md.append("| claim | A vs B | A: mean ± SE | B: mean ± SE | paper A / B | A − B | standardised effect | seeds | test | p "
                + "| verdict | reading |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ClaimVerdict v : verdicts) {
            Claim c = v.claim();
            md.append("| ").append(cell("**" + c.id() + "**: " + c.statement() + " (" + c.metric() + "; expects " + c.expectation() + ")"))
                    .append(" | ").append(cell(c.groupA() + " vs " + c.groupB()))
                    .append(" | ").append(meanPlusMinus(v.a()))
                    .append(" | ").append(meanPlusMinus(v.b()))
                    .append(" | ").append(paper(c))
                    .append(" | ").append(Numbers.significant(v.effect().difference()))
                    .append(" | ").append(cell(v.effect().standardisedName() + " = " + Numbers.significant(v.effect().standardised())))
                    .append(" | ").append(c.pairedBySeed() ? v.a().n() + " pairs" : v.a().n() + " vs " + v.b().n())
                    .append(" | ").append(cell(testCell(v.test())))
                    .append(" | ").append(Numbers.p(v.test().p()))
                    .append(" | **").append(v.verdict().label()).append("**")
                    .append(" | ").append(cell(v.reading()))
                    .append(" |\n");
        }
        boolean anyNote = verdicts.stream().anyMatch(v -> !v.note().isEmpty());
        if (anyNote) {
            md.append("\nNotes:\n\n");
            for (ClaimVerdict v : verdicts) {
                if (!v.note().isEmpty()) md.append("- **").append(v.claim().id()).append("**: ").append(v.note()).append('\n');
            }
        }
        return md.toString();
    }

    /** Every claim, its groups' per-seed values, effect, test and verdict. */
    public static String json(List<ClaimVerdict> verdicts) {
        StringWriter out = new StringWriter();
        try (JsonWriter json = new JsonWriter(out)) {
            json.setIndent("  ");
            json.beginObject();
            json.name("alpha").value(ClaimVerdict.ALPHA);
            json.name("claims").beginArray();
            for (ClaimVerdict v : verdicts) {
                Claim c = v.claim();
                json.beginObject();
                json.name("id").value(c.id());
                json.name("statement").value(c.statement());
                json.name("metric").value(c.metric());
                json.name("groupA").value(c.groupA());
                json.name("groupB").value(c.groupB());
                json.name("expected").value("A " + c.expected().symbol() + " B");
                json.name("paperA");
                number(json, c.paperA());
                json.name("paperB");
                number(json, c.paperB());
                json.name("pairedBySeed").value(c.pairedBySeed());
                json.name("a");
                group(json, v.a());
                json.name("b");
                group(json, v.b());
                json.name("difference");
                number(json, v.effect().difference());
                json.name("standardisedEffect");
                number(json, v.effect().standardised());
                json.name("standardisedEffectName").value(v.effect().standardisedName());
                json.name("test").value(v.test().name());
                json.name("t");
                number(json, v.test().t());
                json.name("df");
                number(json, v.test().degreesOfFreedom());
                json.name("p");
                number(json, v.test().p());
                json.name("verdict").value(v.verdict().label());
                json.name("note").value(v.note());
                json.name("reading").value(v.reading());
                json.endObject();
            }
            json.endArray();
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void group(JsonWriter json, GroupSummary g) throws IOException {
        json.beginObject();
        json.name("label").value(g.label());
        json.name("n").value(g.n());
        json.name("mean");
        number(json, g.mean());
        json.name("standardError");
        number(json, g.standardError());
        // seeds as object keys (JSON keys are strings), in seed order
        json.name("valuesBySeed").beginObject();
        for (Map.Entry<Long, Double> e : g.valuesBySeed().entrySet()) json.name(Long.toString(e.getKey())).value(e.getValue());
        json.endObject();
        json.endObject();
    }

    /** A finite number as itself; null, NaN and ±∞ as null (JSON has no NaN or infinity). */
    private static void number(JsonWriter json, Double v) throws IOException {
        if (v == null || !Double.isFinite(v)) json.nullValue();
        else json.value(v);
    }

    private static String meanPlusMinus(GroupSummary g) {
        if (g.n() == 0) return "–";
        return Numbers.significant(g.mean()) + " ± " + Numbers.significant(g.standardError());
    }

    private static String paper(Claim c) {
        if (c.paperA() == null && c.paperB() == null) return "–";
        return (c.paperA() == null ? "–" : Numbers.significant(c.paperA())) + " / " + (c.paperB() == null ? "–" : Numbers.significant(c.paperB()));
    }

    private static String testCell(TTest test) {
        if (!test.ran()) return test.name() + ", not run";
        return test.name() + ", t = " + Numbers.significant(test.t()) + ", df = " + degreesOfFreedom(test.degreesOfFreedom());
    }

    /** Whole degrees of freedom (paired test) as an integer, Welch's fractional ones to four digits. */
    private static String degreesOfFreedom(double df) {
        return df == Math.rint(df) ? Long.toString((long) df) : Numbers.significant(df);
    }

    /** Text made safe for a table cell: a pipe would end the cell, a newline the row. */
    static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
