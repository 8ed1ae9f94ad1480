package vn.commops.indicator.statistic;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.indicator.dataelement.DataElement;
import vn.commops.indicator.dataelement.DataElementKind;
import vn.commops.indicator.indicator.Decimals;
import vn.commops.indicator.period.Period;
import vn.commops.indicator.statistic.UploadReport.Outcome;
import vn.commops.indicator.statistic.UploadReport.RowResult;

/**
 * Bulk upload of reported statistics, keyed naturally by unit, element and period so that a retried
 * upload is harmless: the same value is reported unchanged, a new value replaces the old. Each row
 * stands alone: a rejected row is reported and the others still apply.
 */
@ApplicationScoped
public class StatisticsService {

    private static final String WHERE = " where (cast(:unit as text) is null or org_unit_code = :unit)"
            + " and (cast(:element as text) is null or data_element_code = :element)"
            + " and (cast(:period as text) is null or period_id = :period)";

    static final int MAX_INTEGER_DIGITS = 20;
    static final int MAX_FRACTION_DIGITS = 4;

    private final EntityManager entityManager;
    private final StatisticEvents events;

    StatisticsService(EntityManager entityManager, StatisticEvents events) {
        this.entityManager = entityManager;
        this.events = events;
    }

    @Transactional
    public UploadReport upload(List<StatisticRow> rows, Caller caller) {
        if (rows == null || rows.isEmpty()) {
            throw ProblemException.badRequest("empty-upload", "body", "send at least one row");
        }
        List<RowResult> results = new ArrayList<>();
        int[] counts = new int[Outcome.values().length];
        for (int i = 0; i < rows.size(); i++) {
            RowResult result = apply(i, rows.get(i), caller);
            counts[result.outcome().ordinal()]++;
            results.add(result);
        }
        return new UploadReport(counts[Outcome.CREATED.ordinal()], counts[Outcome.UPDATED.ordinal()],
                counts[Outcome.UNCHANGED.ordinal()], counts[Outcome.REJECTED.ordinal()], results);
    }

    private RowResult apply(int index, StatisticRow row, Caller caller) {
        if (row == null) {
            return rejected(index, new StatisticRow(null, null, null, null),
                    List.of(new Problem.FieldError("[" + index + "]", "must be an object")));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        KnownOrgUnit unit = null;
        if (row.orgUnit() == null || row.orgUnit().isBlank()) {
            errors.add(new Problem.FieldError("orgUnit", "must not be blank"));
        } else if ((unit = KnownOrgUnit.findById(row.orgUnit())) == null) {
            errors.add(new Problem.FieldError("orgUnit", "unknown org unit '" + row.orgUnit() + "'"));
        } else if (!caller.mayActOn(unit.path)) {
            errors.add(new Problem.FieldError("orgUnit", "not among your granted org units"));
        }
        if (row.dataElement() == null || row.dataElement().isBlank()) {
            errors.add(new Problem.FieldError("dataElement", "must not be blank"));
        } else {
            DataElement element = DataElement.findById(row.dataElement());
            if (element == null) {
                errors.add(new Problem.FieldError("dataElement", "unknown data element '" + row.dataElement() + "'"));
            } else if (element.kind != DataElementKind.STATISTIC) {
                errors.add(new Problem.FieldError("dataElement",
                        "'" + row.dataElement() + "' is computed from activities and cannot be uploaded"));
            }
        }
        Period period = null;
        try {
            period = Period.parse(row.period());
        } catch (Period.InvalidPeriodException e) {
            errors.add(new Problem.FieldError("period", e.getMessage()));
        }
        if (row.value() == null) {
            errors.add(new Problem.FieldError("value", "must be a number"));
        } else if (row.value().signum() < 0) {
            errors.add(new Problem.FieldError("value", "must not be negative"));
        } else if (row.value().stripTrailingZeros().scale() > MAX_FRACTION_DIGITS
                || row.value().precision() - row.value().scale() > MAX_INTEGER_DIGITS) {
            // numeric(24, 4): PostgreSQL would round a fifth decimal silently and refuse a 21st digit.
            errors.add(new Problem.FieldError("value", "must have at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point and " + MAX_FRACTION_DIGITS + " after it"));
        }
        if (!errors.isEmpty()) {
            return rejected(index, row, errors);
        }
        return new RowResult(index, row.orgUnit(), row.dataElement(), period.id(),
                store(unit, row.dataElement(), period, row.value(), caller.name()), List.of());
    }

    private Outcome store(KnownOrgUnit unit, String element, Period period, BigDecimal value, String user) {
        List<?> existing = entityManager.createNativeQuery("""
                select value from reported_statistic
                where org_unit_code = :unit and data_element_code = :element and period_id = :period for update
                """)
                .setParameter("unit", unit.code).setParameter("element", element).setParameter("period", period.id())
                .getResultList();
        BigDecimal previous = existing.isEmpty() ? null : (BigDecimal) existing.get(0);
        if (previous != null && previous.compareTo(value) == 0) {
            return Outcome.UNCHANGED;
        }
        OffsetDateTime now = OffsetDateTime.now();
        String reporter = user == null ? "unknown" : user;
        entityManager.createNativeQuery("""
                insert into reported_statistic (org_unit_code, data_element_code, period_id, period_start, period_end,
                    org_unit_path, value, updated_at, updated_by)
                values (:unit, :element, :period, :start, :end, :path, :value, :now, :user)
                on conflict (org_unit_code, data_element_code, period_id) do update
                set value = excluded.value, org_unit_path = excluded.org_unit_path,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """)
                .setParameter("unit", unit.code).setParameter("element", element).setParameter("period", period.id())
                .setParameter("start", period.start()).setParameter("end", period.end())
                .setParameter("path", unit.path).setParameter("value", value)
                .setParameter("now", now).setParameter("user", reporter)
                .executeUpdate();
        events.reported(new StatisticEvents.Reported(element, unit.code, unit.path, period.id(), period.start(),
                period.end(), value, previous, reporter, now));
        return existing.isEmpty() ? Outcome.CREATED : Outcome.UPDATED;
    }

    private static RowResult rejected(int index, StatisticRow row, List<Problem.FieldError> errors) {
        return new RowResult(index, row.orgUnit(), row.dataElement(), row.period(), Outcome.REJECTED, errors);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<StatisticView> list(String orgUnit, String dataElement, String period, PageRequest paging) {
        long total = ((Number) bind(entityManager.createNativeQuery("select count(*) from reported_statistic" + WHERE),
                orgUnit, dataElement, period).getSingleResult()).longValue();
        return new PageOf<>(page(orgUnit, dataElement, period, paging.page, paging.size), paging.page, paging.size,
                total);
    }

    /**
     * One page of the list without its count, which an export reads page after page. period_id breaks the tie
     * of periods starting on the same day (2022, 2022Q1, 202201), so that pages neither repeat nor skip a row.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StatisticView> page(String orgUnit, String dataElement, String period, int index, int size) {
        List<?> rows = bind(entityManager.createNativeQuery("""
                select org_unit_code, data_element_code, period_id, value, updated_at, updated_by
                from reported_statistic""" + WHERE
                + " order by org_unit_code, data_element_code, period_start, period_id"),
                orgUnit, dataElement, period)
                .setFirstResult(index * size).setMaxResults(size).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new StatisticView((String) r[0],
                (String) r[1], (String) r[2], Decimals.plain((BigDecimal) r[3]),
                utc(r[4]), (String) r[5])).toList();
    }

    private static OffsetDateTime utc(Object timestamp) {
        if (timestamp instanceof OffsetDateTime time) {
            return time;
        }
        if (timestamp instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) timestamp).toInstant().atOffset(ZoneOffset.UTC);
    }

    private static Query bind(Query query, String unit, String element,
            String period) {
        return query.setParameter("unit", unit).setParameter("element", element).setParameter("period", period);
    }
}
