package vn.commops.indicator.evaluation;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import vn.commops.common.event.EventPublisher;
import vn.commops.common.event.QuietWhenStopping;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.indicator.indicator.IndicatorService;
import vn.commops.indicator.period.AgencyCalendar;
import vn.commops.indicator.period.Period;
import vn.commops.indicator.value.CompiledIndicator;
import vn.commops.indicator.value.Filters;
import vn.commops.indicator.value.UnitRef;

/**
 * Watches every target of a period under way and raises {@code indicator.behind-target} when its unit
 * falls behind what the elapsed share of the period calls for: once per indicator, unit and period
 * until the unit recovers, when the alert is resolved so that a new fall raises it again.
 */
@ApplicationScoped
public class AlertWatch {

    static final String TOPIC = "indicator-alerts";
    static final String TYPE = "indicator.behind-target";
    static final String RESOLVED = "indicator.alert-resolved";
    /** Names the advisory lock that one pass at a time holds, in every instance. */
    private static final String PASS_LOCK = "indicator-alert-watch";
    private static final Logger LOG = Logger.getLogger(AlertWatch.class);

    private final EntityManager entityManager;
    private final Evaluator evaluator;
    private final IndicatorService indicators;
    private final EventPublisher events;
    private final AgencyCalendar calendar;

    AlertWatch(EntityManager entityManager, Evaluator evaluator, IndicatorService indicators, EventPublisher events,
            AgencyCalendar calendar) {
        this.entityManager = entityManager;
        this.evaluator = evaluator;
        this.indicators = indicators;
        this.events = events;
        this.calendar = calendar;
    }

    @Schema(name = "AlertCheckReport", description = "What one pass of the behind-target watch found")
    public record CheckReport(@Schema(examples = "120") int checked, @Schema(examples = "3") int raised,
            @Schema(examples = "1") int resolved) {
    }

    @QuietWhenStopping
    @Scheduled(every = "${commops.indicators.alerts.check-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        CheckReport report = checkUnlessRunningElsewhere();
        if (report != null && report.raised() + report.resolved() > 0) {
            LOG.infof("Behind-target watch: %d checked, %d raised, %d resolved", report.checked(), report.raised(),
                    report.resolved());
        }
    }

    /**
     * One pass over the targets of every period that contains today. Passes of several instances
     * take turns: an alert would be raised once anyway (the upsert below), but the evaluation is the
     * expensive part and worth doing once.
     */
    @Transactional
    public CheckReport check() {
        entityManager.createNativeQuery("select true from pg_advisory_xact_lock(hashtext('" + PASS_LOCK + "'))")
                .getSingleResult();
        return pass();
    }

    /** The scheduled pass: skipped when another instance is already checking, since it covers the same targets. */
    @Transactional
    CheckReport checkUnlessRunningElsewhere() {
        Boolean mine = (Boolean) entityManager.createNativeQuery(
                "select pg_try_advisory_xact_lock(hashtext('" + PASS_LOCK + "'))").getSingleResult();
        return mine ? pass() : null;
    }

    private CheckReport pass() {
        LocalDate today = calendar.today();
        List<?> keys = entityManager.createNativeQuery("""
                select distinct indicator_code, org_unit_code, period_id, period_start, period_end
                from target where period_start <= :today and period_end >= :today
                """).setParameter("today", today).getResultList();
        int raised = 0;
        int resolved = 0;
        for (Object k : keys) {
            Object[] key = (Object[]) k;
            KnownOrgUnit unit = KnownOrgUnit.findById(key[1]);
            if (unit == null) {
                continue;
            }
            Period period = new Period((String) key[2], (LocalDate) key[3], (LocalDate) key[4]);
            CompiledIndicator indicator = CompiledIndicator.of(indicators.require((String) key[0]));
            Evaluation evaluation = evaluator.evaluate(List.of(indicator),
                    List.of(new UnitRef(unit.code, unit.name, unit.levelCode, unit.path)), period, today, Filters.ALL)
                    .get(0);
            if (evaluation.status() == EvaluationStatus.BEHIND) {
                raised += raise(evaluation) ? 1 : 0;
            } else {
                resolved += resolve(evaluation) ? 1 : 0;
            }
        }
        return new CheckReport(keys.size(), raised, resolved);
    }

    private boolean raise(Evaluation e) {
        int changed = entityManager.createNativeQuery("""
                insert into indicator_alert (indicator_code, org_unit_code, period_id, value, target, expected_by_now,
                    achievement, raised_at, resolved_at)
                values (:indicator, :unit, :period, :value, :target, :expected, :achievement, :now, null)
                on conflict (indicator_code, org_unit_code, period_id) do update
                set value = excluded.value, target = excluded.target, expected_by_now = excluded.expected_by_now,
                    achievement = excluded.achievement, raised_at = excluded.raised_at, resolved_at = null
                where indicator_alert.resolved_at is not null
                """)
                .setParameter("indicator", e.indicatorCode()).setParameter("unit", e.orgUnitCode())
                .setParameter("period", e.period()).setParameter("value", e.value())
                .setParameter("target", e.target()).setParameter("expected", e.expectedByNow())
                .setParameter("achievement", e.achievementPercent())
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        if (changed == 0) {
            return false;
        }
        events.publish(TOPIC, TYPE, e.indicatorCode() + "/" + e.orgUnitCode() + "/" + e.period(),
                new BehindTarget(e.indicatorCode(), e.orgUnitCode(), e.period(), e.value(), e.target(),
                        e.expectedByNow(), e.achievementPercent(), e.status()));
        return true;
    }

    private boolean resolve(Evaluation e) {
        boolean resolved = entityManager.createNativeQuery("""
                update indicator_alert set resolved_at = :now, value = :value, achievement = :achievement
                where indicator_code = :indicator and org_unit_code = :unit and period_id = :period
                  and resolved_at is null
                """)
                .setParameter("indicator", e.indicatorCode()).setParameter("unit", e.orgUnitCode())
                .setParameter("period", e.period()).setParameter("value", e.value())
                .setParameter("achievement", e.achievementPercent())
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate() == 1;
        if (resolved) {
            events.publish(TOPIC, RESOLVED, e.indicatorCode() + "/" + e.orgUnitCode() + "/" + e.period(),
                    new BehindTarget(e.indicatorCode(), e.orgUnitCode(), e.period(), e.value(), e.target(),
                            e.expectedByNow(), e.achievementPercent(), e.status()));
        }
        return resolved;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Alert> alerts(String orgUnitCode, String period, boolean activeOnly) {
        List<?> rows = entityManager.createNativeQuery("""
                select indicator_code, org_unit_code, period_id, value, target, expected_by_now, achievement,
                       raised_at, resolved_at
                from indicator_alert
                where (cast(:unit as text) is null or org_unit_code = :unit)
                  and (cast(:period as text) is null or period_id = :period)
                  and (resolved_at is null or not :activeOnly)
                order by raised_at desc, indicator_code, org_unit_code
                """)
                .setParameter("unit", orgUnitCode).setParameter("period", period)
                .setParameter("activeOnly", activeOnly)
                .getResultList();
        List<Alert> alerts = new ArrayList<>();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            alerts.add(new Alert((String) row[0], (String) row[1], (String) row[2], decimal(row[3]),
                    decimal(row[4]), decimal(row[5]), decimal(row[6]), utc(row[7]), utc(row[8])));
        }
        return alerts;
    }

    private static Double decimal(Object value) {
        return value == null ? null : ((BigDecimal) value).doubleValue();
    }

    private static OffsetDateTime utc(Object timestamp) {
        if (timestamp == null) {
            return null;
        }
        if (timestamp instanceof OffsetDateTime time) {
            return time;
        }
        if (timestamp instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) timestamp).toInstant().atOffset(ZoneOffset.UTC);
    }
}
