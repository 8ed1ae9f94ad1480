package vn.commops.activity.ingest;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.activity.bulk.ActivityWriter;

@Schema(name = "ImportJob", description = "An asynchronous import and how far it got")
public record ImportJobView(
        UUID id,
        @Schema(examples = "RUNNING") ImportJob.Status status,
        @Schema(examples = "PER_RECORD") ActivityWriter.Mode mode,
        @Schema(examples = "NDJSON") String format,
        @Schema(description = "Records in the upload (known once reading started)", examples = "250000") int total,
        @Schema(description = "Records with a result so far", examples = "120000") int processed,
        @Schema(description = "Share done, 0 to 100", examples = "48") int percent,
        @Schema(description = "Whether records were written: false for a dry run and for all-or-nothing with "
                + "failures, whose counts then say what would have happened", examples = "true") boolean applied,
        @Schema(examples = "119870") int created,
        @Schema(examples = "96") int unchanged,
        @Schema(examples = "12") int corrected,
        @Schema(examples = "4") int conflicts,
        @Schema(examples = "18") int rejected,
        @Schema(description = "Why the job stopped, when it failed",
                examples = "the import failed unexpectedly; submit it again (replays are idempotent)") String failure,
        OffsetDateTime submittedAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        @Schema(description = "Where the per-record results are", examples = "/api/v1/imports/…/results") String results) {

    static ImportJobView of(ImportJob job) {
        int percent = job.status == ImportJob.Status.DONE ? 100
                : job.total == 0 ? 0 : (int) (100L * job.processed / job.total);
        boolean applied = job.mode == ActivityWriter.Mode.PER_RECORD
                || (job.mode == ActivityWriter.Mode.ALL_OR_NOTHING && job.conflicts + job.rejected == 0);
        return new ImportJobView(job.id, job.status, job.mode, job.format, job.total, job.processed, percent, applied,
                job.created, job.unchanged, job.corrected, job.conflicts, job.rejected, job.failure, job.submittedAt,
                job.startedAt, job.finishedAt, "/api/v1/imports/" + job.id + "/results");
    }
}
