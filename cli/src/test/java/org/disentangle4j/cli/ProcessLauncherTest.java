package org.disentangle4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.disentangle4j.run.RunOutcome;
import org.junit.jupiter.api.Test;

/** The outcome a run's JVM reports by its exit code, as train's help lists the codes. */
class ProcessLauncherTest {
    @Test
    void exitCodesReadBackAsTheOutcomesTrainMapsThemFrom() {
        for (RunOutcome.Kind kind : RunOutcome.Kind.values()) {
            RunOutcome.Kind back = kind == RunOutcome.Kind.ALREADY_COMPLETE ? RunOutcome.Kind.COMPLETE : kind;
            assertEquals(Optional.of(back), ProcessLauncher.outcomeOf(TrainCommand.exitCode(new RunOutcome(kind, null, 0, java.util.Map.of()))));
        }
        // SIGTERM's code: the run checkpointed as after Ctrl-C
        assertEquals(Optional.of(RunOutcome.Kind.INTERRUPTED), ProcessLauncher.outcomeOf(143));
        // an error (1) or bad input (2): failed
        assertEquals(Optional.empty(), ProcessLauncher.outcomeOf(1));
        assertEquals(Optional.empty(), ProcessLauncher.outcomeOf(2));
    }
}
