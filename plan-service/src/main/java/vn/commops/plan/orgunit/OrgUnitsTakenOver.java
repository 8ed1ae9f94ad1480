package vn.commops.plan.orgunit;

import java.time.LocalDate;
import java.util.List;

/**
 * Fired (CDI, inside the reorganisation's transaction) when units were merged or closed into a
 * successor, so that the plans and assignments they carried move with them.
 */
public record OrgUnitsTakenOver(List<String> formerCodes, String successorCode, LocalDate effectiveDate,
        String actor) {
}
