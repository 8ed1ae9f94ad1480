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
        LocalDate validFrom,
        LocalDate validTo) {

    static OrgUnitView of(OrgUnit unit) {
        return new OrgUnitView(unit.code, unit.name, unit.level.code,
                unit.parent == null ? null : unit.parent.code, unit.path, unit.validFrom, unit.validTo);
    }
}
