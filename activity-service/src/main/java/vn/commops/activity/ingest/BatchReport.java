package vn.commops.activity.ingest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.activity.bulk.ActivityWriter;

@Schema(name = "BatchReport", description = "What happened to every record of a batch")
public record BatchReport(
        @Schema(examples = "PER_RECORD") ActivityWriter.Mode mode,
        @Schema(description = "Whether anything was written (false for a dry run, or all-or-nothing with failures)",
                examples = "true")
        boolean applied,
        @Schema(examples = "10000") int total,
        @Schema(examples = "9997") int created,
        @Schema(examples = "0") int unchanged,
        @Schema(examples = "0") int corrected,
        @Schema(examples = "0") int conflicts,
        @Schema(examples = "3") int rejected,
        @Schema(description = "One result per record (only the failed ones with report=failures)",
                examples = "[{\"index\": 417, \"outcome\": \"REJECTED\", \"externalId\": \"VNPOST-LC-2024-000604\", "
                        + "\"problem\": \"unknown-org-unit\", \"errors\": [{\"field\": \"orgUnitCode\", "
                        + "\"message\": \"no org unit 'LC-HOPHAII'\"}]}]")
        List<ActivityWriter.Result> results) {

    static BatchReport of(ActivityWriter.Mode mode, ActivityWriter.Written written, boolean failuresOnly) {
        int[] counts = new int[ActivityWriter.Outcome.values().length];
        for (ActivityWriter.Result result : written.results()) {
            counts[result.outcome().ordinal()]++;
        }
        List<ActivityWriter.Result> results = failuresOnly ? written.results().stream()
                .filter(r -> r.outcome() == ActivityWriter.Outcome.REJECTED || r.outcome() == ActivityWriter.Outcome.CONFLICT)
                .toList() : written.results();
        return new BatchReport(mode, written.applied(), written.results().size(),
                counts[ActivityWriter.Outcome.CREATED.ordinal()], counts[ActivityWriter.Outcome.UNCHANGED.ordinal()],
                counts[ActivityWriter.Outcome.CORRECTED.ordinal()], counts[ActivityWriter.Outcome.CONFLICT.ordinal()],
                counts[ActivityWriter.Outcome.REJECTED.ordinal()], results);
    }

    boolean hasFailures() {
        return conflicts > 0 || rejected > 0;
    }
}
