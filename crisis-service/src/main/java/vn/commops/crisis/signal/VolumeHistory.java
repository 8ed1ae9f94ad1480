package vn.commops.crisis.signal;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.commops.crisis.orgunit.Subtree;

/** Counts feedback per topic and unit subtree over windows ending now, from the feedback table itself. */
@ApplicationScoped
public class VolumeHistory {

    /** The current window's volume of every series with feedback in it, rolled up every unit's ancestors. */
    public Map<Series, Long> currentWindow(OffsetDateTime now, Duration window) {
        List<?> rows = Panache.getEntityManager().createNativeQuery("select topic_code, org_unit_path, count(*) "
                + "from feedback where received_at > :from and received_at <= :now "
                + "and org_unit_path is not null and topic_code is not null group by topic_code, org_unit_path")
                .setParameter("from", now.minus(window))
                .setParameter("now", now)
                .getResultList();
        Map<Series, Long> volumes = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            String topic = (String) columns[0];
            String path = (String) columns[1];
            long count = ((Number) columns[2]).longValue();
            // /VN/LC/LC-HOPHAI/ counts for /VN/, /VN/LC/ and /VN/LC/LC-HOPHAI/
            for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
                volumes.merge(new Series(topic, path.substring(0, slash + 1)), count, Long::sum);
            }
        }
        return volumes;
    }

    /** {@code counts[i]}: the series' volume in the window i windows before the one ending now. */
    public long[] history(Series series, OffsetDateTime now, Duration window, int windows) {
        List<?> rows = Panache.getEntityManager().createNativeQuery("select cast(floor(extract(epoch from "
                + "(cast(:now as timestamptz) - received_at)) / :seconds) as int), count(*) from feedback "
                + "where topic_code = :topic and org_unit_path like :prefix "
                + "and received_at > :from and received_at <= :now group by 1")
                .setParameter("now", now)
                .setParameter("seconds", (double) window.toSeconds())
                .setParameter("topic", series.topicCode())
                .setParameter("prefix", Subtree.startingWith(series.unitPath()))
                .setParameter("from", now.minus(window.multipliedBy(windows)))
                .getResultList();
        long[] counts = new long[windows];
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            int index = ((Number) columns[0]).intValue();
            if (index >= 0 && index < windows) {
                counts[index] += ((Number) columns[1]).longValue();
            }
        }
        return counts;
    }


}
