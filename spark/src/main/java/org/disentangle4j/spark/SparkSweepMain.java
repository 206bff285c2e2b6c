package org.disentangle4j.spark;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code disentangle sweep GRID.json --out DIR --spark MASTER [--dry-run]} on Apache Spark (the
 * launcher's form), or through spark-submit with the master given there. Bad input is one line on
 * stderr and exit code 2, before any Spark job starts.
 */
public final class SparkSweepMain {
    static final String USAGE = "usage: disentangle sweep GRID.json --out DIR --spark MASTER [--dry-run]";
    /** JVM options of each run's command, as the launcher's DISENTANGLE_JAVA_OPTS. */
    static final String JAVA_OPTIONS = "spark.disentangle.javaOptions";
    private static final String DEFAULT_JAVA_OPTIONS = "-Xmx8g";

    /** Bad command-line input: one line. */
    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    /** The parsed command line; {@code help} asks for the usage only. */
    record Arguments(Path grid, Path out, String master, boolean dryRun, boolean help) {}

    private SparkSweepMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Arguments a;
        try {
            a = parse(args);
        } catch (BadInput e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        if (a.help()) {
            System.out.println(USAGE);
            System.out.println("Runs the grid on Apache Spark, one task per run; everything else as 'disentangle sweep' (see docs/sweeps.md).");
            return 0;
        }
        // spark-submit passes its --master as this property; SparkConf itself is made only once the plan holds (it logs)
        if (a.master() == null && System.getProperty("spark.master") == null) {
            System.err.println("error: no Spark master: give --spark MASTER (e.g. local[2]) or spark-submit --master");
            return 2;
        }
        String options = System.getProperty(JAVA_OPTIONS, System.getenv().getOrDefault("DISENTANGLE_JAVA_OPTS", DEFAULT_JAVA_OPTIONS));
        SparkSweep sweep = new SparkSweep(a.grid(), a.out(), DisentangleJvm.of(options), System.out);
        try {
            DisentangleJvm.Finished plan = sweep.plan();
            if (plan.exit() != 0 || a.dryRun()) {
                (plan.exit() == 0 ? System.out : System.err).print(plan.output());
                return plan.exit();
            }
            System.out.print(plan.output());
            int runs = (int) plan.output().lines().filter(l -> !l.isBlank()).count();
            SparkConf conf = new SparkConf().setAppName("disentangle sweep " + a.grid().getFileName());
            if (a.master() != null) conf.setMaster(a.master());
            try (JavaSparkContext spark = new JavaSparkContext(conf)) {
                spark.setLogLevel("WARN");
                int attempts = SparkSweep.attempts(spark.master(), spark.getConf().getInt("spark.task.maxFailures", 4));
                return sweep.run(spark, runs, attempts).exitCode();
            }
        } catch (Exception e) {
            System.err.println("error: the Spark sweep failed: " + e);
            return 1;
        }
    }

    static Arguments parse(String[] args) throws BadInput {
        List<String> rest = new ArrayList<>();
        for (String arg : args) { // --out=DIR as picocli takes it
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                rest.add(arg.substring(0, eq));
                rest.add(arg.substring(eq + 1));
            } else {
                rest.add(arg);
            }
        }
        if (!rest.isEmpty() && rest.get(0).equals("sweep")) rest.remove(0);
        if (rest.contains("--help") || rest.contains("-h")) return new Arguments(null, null, null, false, true);
        Path grid = null;
        String out = null;
        String master = null;
        boolean dryRun = false;
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            switch (arg) {
                case "--out" -> out = value(rest, ++i, arg);
                case "--spark", "--master" -> master = value(rest, ++i, arg);
                case "--dry-run" -> dryRun = true;
                case "--parallel" -> throw new BadInput("--parallel is the local sweep's; on Spark the executors' task slots "
                        + "set how many runs go at once");
                default -> {
                    if (arg.startsWith("-")) throw new BadInput("unknown option " + arg + " (" + USAGE + ")");
                    if (grid != null) throw new BadInput("one grid only, got " + grid + " and " + arg + " (" + USAGE + ")");
                    grid = Path.of(arg);
                }
            }
        }
        if (grid == null) throw new BadInput("no grid given (" + USAGE + ")");
        if (out == null) throw new BadInput("--out DIR is required (" + USAGE + ")");
        return new Arguments(grid.toAbsolutePath(), directory(out), master, dryRun, false);
    }

    private static String value(List<String> args, int i, String option) throws BadInput {
        if (i >= args.size() || args.get(i).startsWith("--")) throw new BadInput(option + " needs a value (" + USAGE + ")");
        return args.get(i);
    }

    /**
     * The sweep directory as an absolute path, the same on every executor: a plain path or a
     * {@code file:} URI. Runs write their directories with ordinary file I/O (atomic renames, a
     * checkpoint read back on resuming), so another filesystem must be mounted (NFS, a FUSE mount of
     * HDFS) and named by its path.
     */
    static Path directory(String out) throws BadInput {
        int colon = out.indexOf(':');
        if (colon > 1 && out.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            URI uri;
            try {
                uri = new URI(out);
            } catch (java.net.URISyntaxException e) {
                throw new BadInput("--out " + out + ": not a path or URI (" + e.getReason() + ")");
            }
            if (!"file".equalsIgnoreCase(uri.getScheme())) {
                throw new BadInput("--out " + out + ": the runs write their directories with ordinary file I/O, so DIR must be a path "
                        + "every executor sees (a shared filesystem, or a mount of " + uri.getScheme() + ":) or a file: URI");
            }
            try {
                return Path.of(uri).toAbsolutePath().normalize();
            } catch (IllegalArgumentException e) {
                throw new BadInput("--out " + out + ": a file: URI must name an absolute path (file:/shared/sweep)");
            }
        }
        return Path.of(out).toAbsolutePath().normalize();
    }
}
