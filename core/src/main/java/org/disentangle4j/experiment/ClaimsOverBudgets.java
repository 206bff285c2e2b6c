package org.disentangle4j.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.disentangle4j.experiment.verdict.ClaimVerdict;
import org.disentangle4j.experiment.verdict.ClaimsCurve;
import org.disentangle4j.io.UserInputException;

/**
 * An experiment's verdicts at every budget its directory holds: the same grid at each step count
 * for which runs exist (run names carry their steps, so budgets live side by side in one
 * directory), judged as at the budget asked for. Draws {@link ClaimsCurve#FILE} from them.
 */
public final class ClaimsOverBudgets {
    private static final Pattern STEPS = Pattern.compile("_steps=(\\d+)_");

    private ClaimsOverBudgets() {}

    /** The step counts in the names of the run directories under {@code dir}. */
    public static SortedSet<Long> stepsIn(Path dir) throws IOException {
        SortedSet<Long> steps = new TreeSet<>();
        if (!Files.isDirectory(dir)) return steps;
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.filter(Files::isDirectory).toList()) {
                Matcher m = STEPS.matcher(p.getFileName().toString());
                if (m.find()) steps.add(Long.parseLong(m.group(1)));
            }
        }
        return steps;
    }

    /** The verdicts per budget with a complete run, the settings' seeds and options at each step count found. */
    public static SortedMap<Long, List<ClaimVerdict>> verdicts(Path dir, Experiment.Design design, Experiment.Settings settings)
            throws IOException {
        SortedMap<Long, List<ClaimVerdict>> byBudget = new TreeMap<>();
        for (long steps : stepsIn(dir)) {
            Experiment.Settings at = new Experiment.Settings(settings.seeds(), steps, settings.options());
            SweepGrid grid;
            try {
                grid = design.grid(at);
            } catch (UserInputException notABudget) {
                continue; // a step count only some rows use (additive's one-step untrained row)
            }
            List<SweepResults.Row> rows = SweepResults.collect(dir, grid.runs());
            if (rows.stream().noneMatch(SweepResults.Row::complete)) continue;
            byBudget.put(steps, design.claims(rows, at));
        }
        return byBudget;
    }

    /** Writes {@code dir/claims-curve.png} when some claim is judged at two budgets or more; whether it did. */
    public static boolean writeCurve(Path dir, Experiment.Design design, Experiment.Settings settings) throws IOException {
        return ClaimsCurve.write(dir.resolve(ClaimsCurve.FILE), verdicts(dir, design, settings));
    }
}
