package vn.commops.activity.ingest;

import vn.commops.activity.bulk.ActivityWriter;
import vn.commops.common.problem.ProblemException;

/** The {@code mode} query parameter: dry-run, all-or-nothing or per-record (the default). */
final class Modes {

    private Modes() {
    }

    static ActivityWriter.Mode of(String mode) {
        if (mode == null || mode.isBlank()) {
            return ActivityWriter.Mode.PER_RECORD;
        }
        return switch (mode.strip().toLowerCase()) {
            case "dry-run" -> ActivityWriter.Mode.DRY_RUN;
            case "all-or-nothing" -> ActivityWriter.Mode.ALL_OR_NOTHING;
            case "per-record" -> ActivityWriter.Mode.PER_RECORD;
            default -> throw ProblemException.badRequest("invalid-mode", "mode",
                    "must be dry-run, all-or-nothing or per-record");
        };
    }
}
