package vn.commops.plan.orgunit;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrgUnit")
public record OrgUnitView(
        @Schema(examples = "LC-HOPHAI") String code,
        @Schema(examples = "Xã Hồ Phai") String name,
        @Schema(examples = "COMMUNE") String levelCode,
        @Schema(examples = "LC") String parentCode,
        @Schema(description = "Codes from the root, for roll-ups and subtree queries", examples = "/VN/LC/LC-HOPHAI/")
        String path,
        @Schema(examples = "2025-07-01") LocalDate validFrom,
        @Schema(description = "Last day the unit exists; null while open") LocalDate validTo,
        @Schema(description = "The unit that took this one over (merge, close into)", examples = "LC-SAPA")
        String successorCode) {

    static OrgUnitView of(OrgUnit unit) {
        return new OrgUnitView(unit.code, unit.name, unit.level.code, unit.parentCode(), unit.path, unit.validFrom,
                unit.validTo, unit.successorCode);
    }

    static OrgUnitView of(OrgUnitVersion version) {
        return new OrgUnitView(version.code, version.name, version.levelCode, version.parentCode, version.path,
                version.validFrom, version.validTo, version.successorCode);
    }
}
