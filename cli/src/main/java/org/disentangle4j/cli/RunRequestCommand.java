package org.disentangle4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.disentangle4j.nn.Torch;
import org.disentangle4j.run.RunLifecycle;
import org.disentangle4j.run.RunRequest;
import org.disentangle4j.run.RunRequestJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code disentangle run-request FILE} (hidden): carries a run request written by a sweep
 * ({@link RunRequestJson}) through the run lifecycle in this JVM, with the progress and exit codes
 * of {@code train}. The JVM a sweep starts for each run runs this.
 */
@Command(name = "run-request", hidden = true, mixinStandardHelpOptions = true,
        description = "Carry out a run request file written by a sweep (exit codes as train's).")
final class RunRequestCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the request (JSON)")
    Path file;

    @Override
    public Integer call() throws Exception {
        RunRequest request = RunRequestJson.readFile(file);
        try (var manager = Torch.newManager(); CommandLineEvents events = new CommandLineEvents(new java.io.PrintWriter(System.out, true))) {
            return TrainCommand.exitCode(RunLifecycle.run(request, manager, events.forRun(request.dir())));
        }
    }
}
