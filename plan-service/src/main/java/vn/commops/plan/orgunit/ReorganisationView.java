package vn.commops.plan.orgunit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrgUnitReorganisation", description = "A change of the hierarchy and whether it has taken effect")
public record ReorganisationView(
        @Schema(examples = "42") Long id,
        @Schema(examples = "MERGE") ReorganisationRecord.Kind kind,
        @Schema(description = "PENDING until its effective date, then APPLIED (or FAILED if it no longer "
                + "could apply); CANCELLED if called off before", examples = "PENDING")
        ReorganisationRecord.Status status,
        @Schema(examples = "2027-01-01") LocalDate effectiveDate,
        @Schema(description = "Every unit the change touches", examples = "[\"YB\", \"LC\"]") List<String> unitCodes,
        @Schema(description = "The request as made", type = SchemaType.OBJECT, implementation = Object.class,
                examples = "{\"successorCode\": \"TQ\", \"validFrom\": \"2025-07-01\"}") JsonNode request,
        @Schema(examples = "Nghị quyết 202/2025/QH15") String reason,
        @Schema(examples = "nguyen.van.a") String requestedBy,
        OffsetDateTime requestedAt,
        @Schema(description = "Who applied, cancelled or failed it", examples = "national-admin") String settledBy,
        OffsetDateTime settledAt,
        @Schema(description = "Why it was cancelled or could not apply", examples = "Lùi ngày sáp nhập") String settleNote) {

    static ReorganisationView of(ReorganisationRecord record, JsonNode request) {
        return new ReorganisationView(record.id, record.kind, record.status, record.effectiveDate,
                record.unitCodeList(), request,
                record.reason, record.requestedBy, record.requestedAt, record.settledBy, record.settledAt,
                record.settleNote);
    }
}
