package org.disentangle4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.disentangle4j.data.Datasets;
import org.disentangle4j.data.FactorSpace;
import org.disentangle4j.data.GroundTruthDataset;
import org.disentangle4j.io.IoErrors;
import org.disentangle4j.viz.FactorSweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code disentangle datasets list|show}. */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "List the datasets or draw one.",
        subcommands = {DatasetsCommand.ListCommand.class, DatasetsCommand.ShowCommand.class})
public final class DatasetsCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return CommandGroups.missingSubcommand(spec);
    }

    /** {@code datasets list}: names, what they are, their factors. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the datasets with their factors.")
    static final class ListCommand implements Runnable {
        @Override
        public void run() {
            for (String name : Datasets.names()) {
                GroundTruthDataset d = Datasets.open(name, null);
                FactorSpace f = d.factors();
                StringBuilder factors = new StringBuilder();
                for (int i = 0; i < f.numFactors(); i++) {
                    if (i > 0) factors.append(", ");
                    factors.append(f.name(i)).append(' ').append(f.size(i));
                }
                System.out.printf("%-10s %s%n           factors: %s; observation %s%n", name, Datasets.description(name),
                        factors, java.util.Arrays.toString(d.observationShape()));
            }
        }
    }

    /** {@code datasets show NAME --out FILE.png}: one row per factor swept over its levels. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Draw a dataset: one row per factor, that factor swept over its values while the others stay fixed.")
    static final class ShowCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "dataset name")
        String name;

        @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "where to write the picture")
        Path out;

        @Option(names = "--data-file", paramLabel = "PATH", description = "draw the official file instead of the procedural renderer")
        Path dataFile;

        @Option(names = "--graph", paramLabel = "PATH", description = "with NAME table and --data-file data.csv: "
                + "the table's causal graph (rows drawn as bar charts)")
        Path graph;

        @Option(names = "--seed", paramLabel = "N", description = "chooses the fixed factor values; default ${DEFAULT-VALUE}")
        long seed = 0;

        @Override
        public Integer call() throws Exception {
            IoErrors.requireWritable(out);
            GroundTruthDataset dataset = Datasets.open(name, dataFile, graph);
            try {
                FactorSweep.writePng(dataset, out, seed);
            } catch (java.io.IOException e) {
                throw IoErrors.cannotWrite(out, e);
            } finally {
                Datasets.close(dataset);
            }
            System.out.println(out);
            return 0;
        }
    }
}
