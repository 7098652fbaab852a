package io.routesync.cli;

import io.routesync.config.UnreadableInput;
import io.routesync.run.InputFile;
import io.routesync.run.SavedHostJob;
import io.routesync.saved.PlanFileException;
import io.routesync.saved.PlanFileReader;
import io.routesync.saved.SavedPlan;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code apply PLAN}: the plan file read and checked; every reason to refuse it is exit 1 with nothing applied. */
final class PlanFileInput {
    private PlanFileInput() {
    }

    static SavedPlan read(Path file) throws UserError {
        String text;
        try {
            text = InputFile.read(file);
        } catch (NoSuchFileException e) {
            throw new UserError(ExitCodes.FAILED, "cannot read the plan file " + file + ": no such file. Nothing was applied.");
        } catch (UnreadableInput e) {
            throw new UserError(ExitCodes.FAILED, "cannot read the plan file " + e.diagnostic(file.toString()).pos() + ": " + e.getMessage()
                    + ". Nothing was applied.");
        } catch (IOException e) {
            throw new UserError(ExitCodes.FAILED, "cannot read the plan file " + file + ": " + e.getMessage() + ". Nothing was applied.", e);
        }
        try {
            return SavedHostJob.checkTargets(PlanFileReader.read(text, Version.number()));
        } catch (PlanFileException e) {
            String why = e.getMessage();
            // the likely slip: a state file given without -f
            String hint = why.startsWith("this is not a routesync plan file") ? " (a desired-state file is given with -f FILE)" : "";
            throw new UserError(ExitCodes.FAILED, file + ": " + why + hint + (why.contains("Nothing was applied") ? "" : ". Nothing was applied."), e);
        }
    }
}
