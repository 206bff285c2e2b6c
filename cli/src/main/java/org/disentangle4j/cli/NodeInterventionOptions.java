package org.disentangle4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.disentangle4j.intervene.NodeInterventions;
import org.disentangle4j.io.UserInputException;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.train.Run;
import picocli.CommandLine.Option;

/**
 * The latent-node mode of {@code intervene RUN_DIR} (a picocli mixin or ArgGroup for that
 * command): {@code --node NAME [--values V,V,...]} sets a latent node of the run's model
 * (do(node = v), its descendants recomputed) and writes RUN_DIR/interventions.png (images: one row,
 * the reconstruction then one column per value) or, for tables, RUN_DIR/interventions.csv with the
 * mean absolute change of every generated column, also printed.
 */
public final class NodeInterventionOptions {
    @Option(names = "--node", required = true, paramLabel = "NAME", description = "the latent node to set, by name (cdg-vae on pendulum: light, angle, length, "
            + "position; other models: z0, z1, ...)")
    String node;

    @Option(names = "--values", paramLabel = "V,V,...", description = "the values to set it to; default 7 values from the smallest to the "
            + "largest value it takes over 512 training observations")
    String values;

    /** Whether the node mode was asked for. */
    public boolean given() {
        return node != null;
    }

    /** Runs the intervention on the run in {@code runDir}; the file written is named on {@code out}. Exit code 0. */
    public int run(Path runDir, PrintWriter out) throws IOException {
        double[] given = NodeInterventions.parseValues(values); // checked before anything is opened
        try (var manager = Torch.newManager(); Run run = Run.open(runDir, manager, "used")) {
            int index = NodeInterventions.node(run.model(), node);
            long seed = run.config().seed();
            double[] v = NodeInterventions.values(run.model(), run.dataset(), seed, index, given);
            if (run.dataset().observationShape().length == 3) {
                Path png = runDir.resolve("interventions.png");
                NodeInterventions.writeGrid(run.model(), run.dataset(), seed, new int[] {index}, new double[][] {v}, png);
                out.println("wrote " + png);
            } else if (run.dataset().observationShape().length == 1) {
                double[][] change = NodeInterventions.columnChange(run.model(), run.dataset(), seed, index, v);
                Path csv = runDir.resolve("interventions.csv");
                NodeInterventions.writeCsv(csv, node, v, change);
                out.print(table(node, v, change, NodeInterventions.blockColumns(run.dataset())));
                out.println("wrote " + csv);
            } else {
                throw new UserInputException("--node: the run's observations are neither images nor table rows");
            }
            out.flush();
            return 0;
        }
    }

    /** The mean absolute change per column, one line per value, columns x0, x1, … (with the block of each column when known). */
    static String table(String node, double[] values, double[][] change, List<int[]> blocks) {
        StringBuilder s = new StringBuilder("mean |change| of each generated column under do(" + node + " = v)\n");
        if (!blocks.isEmpty()) {
            s.append("blocks:");
            for (int b = 0; b < blocks.size(); b++) s.append(" ").append(b).append("=").append(java.util.Arrays.toString(blocks.get(b)));
            s.append('\n');
        }
        s.append(String.format(Locale.ROOT, "%10s", "v"));
        for (int c = 0; c < change[0].length; c++) s.append(String.format(Locale.ROOT, " %8s", "x" + c));
        s.append('\n');
        for (int v = 0; v < values.length; v++) {
            s.append(String.format(Locale.ROOT, "%10.4g", values[v]));
            for (double x : change[v]) s.append(String.format(Locale.ROOT, " %8.4f", x));
            s.append('\n');
        }
        return s.toString();
    }
}
