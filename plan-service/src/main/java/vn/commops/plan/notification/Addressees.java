package vn.commops.plan.notification;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Who is told of an event: the people answering for its kind, at its unit or on duty at its time,
 * less those who turned email off or muted the kind.
 */
@ApplicationScoped
class Addressees {

    private static final String WANTED = " and :kind = any(r.kinds) and coalesce(p.email_enabled, true)"
            + " and not (:kind = any(coalesce(p.muted_kinds, '{}'::text[])))";

    /** The people of one unit who answer for this kind (its managers, for assignments and alerts). */
    List<Addressee> ofUnit(String orgUnitCode, NotificationKind kind) {
        return query("select r.username, r.language from notification_recipient r"
                + " left join notification_preference p on p.username = r.username"
                + " where r.org_unit_code = :unit" + WANTED + " order by r.username", kind, orgUnitCode, null);
    }

    /** The people on duty at that moment who answer for this kind (the analysts, for signals). */
    List<Addressee> onDutyAt(OffsetDateTime moment, NotificationKind kind) {
        return query("select r.username, r.language from notification_recipient r"
                + " left join notification_preference p on p.username = r.username"
                + " where exists (select 1 from notification_duty_window w where w.username = r.username"
                + " and w.starts_at <= :moment and w.ends_at > :moment)" + WANTED + " order by r.username",
                kind, null, moment);
    }

    @SuppressWarnings("unchecked")
    private static List<Addressee> query(String sql, NotificationKind kind, String unit, OffsetDateTime moment) {
        var query = Panache.getEntityManager().createNativeQuery(sql).setParameter("kind", kind.name());
        if (unit != null) {
            query.setParameter("unit", unit);
        }
        if (moment != null) {
            query.setParameter("moment", moment);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new Addressee((String) row[0], (String) row[1])).toList();
    }
}
