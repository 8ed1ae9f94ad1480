package vn.commops.activity.communicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.activity.activity.AgencyDay;
import vn.commops.common.api.PageOf;
import vn.commops.common.export.Column;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.security.Caller;

/**
 * Who needs retraining: active communicators of a subtree whose latest certificate has expired or
 * expires within a window, who have none, or who attended fewer training hours than the configured
 * minimum in the configured window. Days are the agency's (Asia/Ho_Chi_Minh).
 */
@ApplicationScoped
public class RetrainingDue {

    public enum Reason {
        NO_CERTIFICATE, CERTIFICATE_EXPIRED, CERTIFICATE_EXPIRING, TOO_FEW_HOURS
    }

    @Schema(name = "RetrainingDue", description = "A communicator due for retraining and why; never a contact")
    public record Due(UUID communicatorId, @Schema(examples = "Lục Thị Huyền") String fullName,
            @Schema(examples = "COLLABORATOR") Communicator.Kind kind,
            @Schema(examples = "LC-HOPHAI") String orgUnitCode,
            @Schema(description = "Expiry of their latest certificate; absent when they have none",
                    examples = "2024-08-01") LocalDate certificateValidUntil,
            @Schema(description = "Hours of trainings attended in the configured window (12 months by default)",
                    examples = "8") BigDecimal recentHours,
            @Schema(examples = "[\"CERTIFICATE_EXPIRING\", \"TOO_FEW_HOURS\"]") List<Reason> reasons) {
    }

    /** The window asked for, the day it runs from, and the rules it was judged by. */
    public record Criteria(String unitPath, LocalDate today, LocalDate horizon, LocalDate hoursSince,
            BigDecimal minimumHours) {
    }

    static final List<Column<Due>> COLUMNS = List.of(
            Column.of("communicatorId", Due::communicatorId),
            Column.of("fullName", Due::fullName),
            Column.of("kind", Due::kind),
            Column.of("orgUnitCode", Due::orgUnitCode),
            Column.of("certificateValidUntil", Due::certificateValidUntil),
            Column.of("recentHours", Due::recentHours),
            Column.joined("reasons", Due::reasons));

    private static final String FROM = " from communicator c join org_unit_replica u on u.code = c.org_unit_code"
            + " left join lateral (select max(p.certificate_valid_until) as valid_until from training_attendee p"
            + "   where p.communicator_id = c.id and p.attended) cert on true"
            + " left join lateral (select coalesce(sum(t.hours), 0) as hours from training_attendee p"
            + "   join training t on t.id = p.training_id"
            + "   where p.communicator_id = c.id and p.attended and t.held_on > :since) recent on true"
            + " where c.deactivated_at is null and starts_with(u.path, :path)"
            + " and (cert.valid_until is null or cert.valid_until <= :horizon or recent.hours < :minimum)";

    private final EntityManager entityManager;
    private final Caller caller;
    private final CommunicatorsConfig config;

    RetrainingDue(EntityManager entityManager, Caller caller, CommunicatorsConfig config) {
        this.entityManager = entityManager;
        this.caller = caller;
        this.config = config;
    }

    /** Refuses (403) a subtree outside the caller's grants, and (422) an unknown unit, before any row is read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Criteria criteria(String orgUnit, Period within) {
        KnownOrgUnit unit = CommunicatorService.unit(orgUnit, "orgUnit");
        caller.requireUnit(unit.code, unit.path, "orgUnit");
        LocalDate today = LocalDate.now(AgencyDay.ZONE);
        Period window = within == null ? config.retraining().defaultWithin() : within;
        return new Criteria(unit.path, today, today.plus(window), today.minus(config.retraining().hoursWindow()),
                config.retraining().minimumHours());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<Due> page(Criteria criteria, int page, int size) {
        long total = ((Number) parameters(entityManager.createNativeQuery("select count(*)" + FROM), criteria)
                .getSingleResult()).longValue();
        return new PageOf<>(rows(criteria, page, size), page, size, total);
    }

    /** Longest overdue first (no certificate at all before any expiry), then by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Due> rows(Criteria criteria, int page, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = parameters(entityManager.createNativeQuery("select c.id, c.full_name, c.kind, "
                + "c.org_unit_code, cert.valid_until, recent.hours" + FROM
                + " order by cert.valid_until nulls first, c.full_name, c.id limit :size offset :offset"), criteria)
                .setParameter("size", size).setParameter("offset", (long) page * size).getResultList();
        List<Due> due = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            LocalDate validUntil = row[4] == null ? null : row[4] instanceof Date date ? date.toLocalDate()
                    : (LocalDate) row[4];
            BigDecimal hours = CommunicatorViews.plain(new BigDecimal(row[5].toString()));
            due.add(new Due((UUID) row[0], (String) row[1], Communicator.Kind.valueOf((String) row[2]),
                    (String) row[3], validUntil, hours,
                    reasons(validUntil, hours, criteria)));
        }
        return due;
    }

    private static List<Reason> reasons(LocalDate validUntil, BigDecimal hours, Criteria criteria) {
        List<Reason> reasons = new ArrayList<>(2);
        if (validUntil == null) {
            reasons.add(Reason.NO_CERTIFICATE);
        } else if (validUntil.isBefore(criteria.today())) {
            reasons.add(Reason.CERTIFICATE_EXPIRED);
        } else if (!validUntil.isAfter(criteria.horizon())) {
            reasons.add(Reason.CERTIFICATE_EXPIRING);
        }
        if (hours.compareTo(criteria.minimumHours()) < 0) {
            reasons.add(Reason.TOO_FEW_HOURS);
        }
        return reasons;
    }

    private static jakarta.persistence.Query parameters(jakarta.persistence.Query query, Criteria criteria) {
        return query.setParameter("path", criteria.unitPath()).setParameter("since", criteria.hoursSince())
                .setParameter("horizon", criteria.horizon()).setParameter("minimum", criteria.minimumHours());
    }
}
