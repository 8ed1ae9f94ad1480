package vn.commops.plan.orgunit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.text.SearchText;

/** Keeps every state of a unit with the dates it held, so the hierarchy can be asked "as of" any day. */
@ApplicationScoped
class OrgUnitHistory {

    /**
     * Ends the version in force and starts one with the unit's new state from the effective date. History is
     * appended in date order: a change dated before the unit's last one would rewrite what others already
     * re-mapped, so it is refused; one on the same day replaces that day's state.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(OrgUnit unit, String change, LocalDate effectiveDate, ChangeNote note) {
        OrgUnitVersion version = OrgUnitVersion.current(unit.code).orElse(null);
        if (version != null) {
            if (effectiveDate.isBefore(version.effectiveFrom)) {
                throw ProblemException.invalidField("effective-date-before-last-change", "effectiveDate",
                        "unit '" + unit.code + "' last changed with effect from " + version.effectiveFrom
                                + "; a change cannot take effect before that");
            }
            if (version.effectiveFrom.isBefore(effectiveDate)) {
                version.effectiveTo = effectiveDate;
                version = null;
            }
        }
        if (version == null) {
            version = new OrgUnitVersion();
            version.code = unit.code;
            version.effectiveFrom = effectiveDate;
        }
        version.name = unit.name;
        version.searchName = SearchText.fold(unit.name);
        version.levelCode = unit.level.code;
        version.parentCode = unit.parentCode();
        version.path = unit.path;
        version.validFrom = unit.validFrom;
        version.validTo = unit.validTo;
        version.successorCode = unit.successorCode;
        version.change = change;
        version.recordedAt = OffsetDateTime.now();
        version.recordedBy = note.actor();
        version.reason = note.reason();
        version.reorganisationId = note.reorganisationId();
        version.persist();
    }
}
