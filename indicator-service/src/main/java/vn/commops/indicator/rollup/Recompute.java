package vn.commops.indicator.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Rebuilds every day total from the per-activity last-applied states, for after a bug fix or a data
 * repair. Live updates wait on the table lock meanwhile, so nothing is lost or counted twice.
 */
@ApplicationScoped
public class Recompute {

    private static final Logger LOG = Logger.getLogger(Recompute.class);

    private final UnitDayTotals totals;

    Recompute(UnitDayTotals totals) {
        this.totals = totals;
    }

    @Transactional(value = Transactional.TxType.REQUIRES_NEW)
    public RecomputeReport run() {
        long started = System.nanoTime();
        long rows = totals.rebuildFromActivityStates();
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        LOG.infof("Recomputed %d day totals from activity states in %d ms", rows, millis);
        return new RecomputeReport(rows, millis);
    }
}
