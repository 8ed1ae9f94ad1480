package vn.commops.indicator.rollup;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RecomputeReport", description = "What a full recompute rebuilt")
public record RecomputeReport(
        @Schema(description = "Day-total rows written (unit × day × form × campaign × verified × costed)", examples = "48211")
        long totalRows,
        @Schema(examples = "1840") long tookMillis) {
}
