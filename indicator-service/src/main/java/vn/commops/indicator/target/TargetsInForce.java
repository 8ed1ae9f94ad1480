package vn.commops.indicator.target;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which version of a target judges a period: the latest one in force on the day asked about. Before its
 * first version takes effect (a target set after the fact), the period is judged against that first version.
 */
@ApplicationScoped
public class TargetsInForce {

    /** The order {@link #inForce} reads versions in. */
    static final Sort ORDER = Sort.by("effectiveFrom").and("version");

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Target> on(String indicatorCode, String orgUnitCode, String periodId, LocalDate day) {
        return Optional.ofNullable(on(List.of(indicatorCode), List.of(orgUnitCode), periodId, day)
                .get(key(indicatorCode, orgUnitCode)));
    }

    /** The targets in force for every indicator and unit named, in one query, by {@link #key}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Target> on(Collection<String> indicatorCodes, Collection<String> orgUnitCodes, String periodId,
            LocalDate day) {
        if (indicatorCodes.isEmpty() || orgUnitCodes.isEmpty()) {
            return new HashMap<>();
        }
        return inForce(Target.list("indicatorCode in ?1 and orgUnitCode in ?2 and periodId = ?3", ORDER,
                indicatorCodes, orgUnitCodes, periodId), day);
    }

    /** Of versions in {@link #ORDER}, the one in force on the day for each indicator and unit, by {@link #key}. */
    static Map<String, Target> inForce(List<Target> versions, LocalDate day) {
        Map<String, Target> inForce = new HashMap<>();
        for (Target version : versions) {
            String key = key(version.indicatorCode, version.orgUnitCode);
            // The first version judges until a later one takes effect on or before the day.
            if (!inForce.containsKey(key) || !version.effectiveFrom.isAfter(day)) {
                inForce.put(key, version);
            }
        }
        return inForce;
    }

    public static String key(String indicatorCode, String orgUnitCode) {
        return indicatorCode + "/" + orgUnitCode;
    }
}
