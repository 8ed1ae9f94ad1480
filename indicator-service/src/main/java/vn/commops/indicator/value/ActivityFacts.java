package vn.commops.indicator.value;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.commops.indicator.dataelement.ActivityElement;

/** Reads the rolled-up day totals: one range sum per unit, whatever the size of its subtree. */
@ApplicationScoped
public class ActivityFacts {

    private static final String SUMS = Arrays.stream(ActivityElement.values()).map(e -> "sum(" + e.column() + ")")
            .collect(Collectors.joining(", "));

    private final EntityManager entityManager;

    ActivityFacts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, FormTotals> totals(Collection<String> unitCodes, LocalDate from, LocalDate to, Filters filters) {
        Map<String, FormTotals> totals = new HashMap<>();
        if (unitCodes.isEmpty()) {
            return totals;
        }
        List<?> rows = entityManager.createNativeQuery("select org_unit_code, form, " + SUMS + " from unit_day_total"
                + " where org_unit_code = any(string_to_array(:units, '/')) and day between :from and :to"
                + " and (verified or not :verifiedOnly)"
                + " and (cast(:form as text) is null or form = :form)"
                + " and (cast(:campaign as text) is null or campaign_id = :campaign)"
                + " group by org_unit_code, form")
                .setParameter("units", String.join("/", unitCodes))
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("verifiedOnly", filters.verifiedOnly())
                .setParameter("form", filters.form())
                .setParameter("campaign", filters.campaignId())
                .getResultList();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            long[] values = new long[ActivityElement.values().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = row[2 + i] == null ? 0 : ((Number) row[2 + i]).longValue();
            }
            totals.computeIfAbsent((String) row[0], code -> new FormTotals()).add((String) row[1], values);
        }
        return totals;
    }
}
