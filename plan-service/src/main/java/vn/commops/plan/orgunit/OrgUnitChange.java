package vn.commops.plan.orgunit;

import java.time.LocalDate;

/** The payload of every org-unit event: the unit's whole state after the change, and why it changed. */
public record OrgUnitChange(
        String code,
        String name,
        String levelCode,
        String parentCode,
        String path,
        LocalDate validFrom,
        LocalDate validTo,
        String successorCode,
        LocalDate effectiveDate,
        String previousPath,
        String actor,
        String reason,
        Long reorganisationId) {

    static OrgUnitChange of(OrgUnit unit, LocalDate effectiveDate, String previousPath, ChangeNote note) {
        return new OrgUnitChange(unit.code, unit.name, unit.level.code, unit.parentCode(), unit.path, unit.validFrom,
                unit.validTo, unit.successorCode, effectiveDate, previousPath, note.actor(), note.reason(),
                note.reorganisationId());
    }
}
