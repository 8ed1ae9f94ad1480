package vn.commops.plan.orgunit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;
import vn.commops.common.event.QuietWhenStopping;
import vn.commops.common.problem.ProblemException;

/**
 * Applies pending reorganisations whose effective date has come: every few minutes and at startup, each
 * pending change dated today or earlier, oldest first, so days missed while no instance ran are caught up in
 * order. One instance applies at a time (an advisory lock, as the outbox relay and the alert watch take);
 * each change is its own transaction, re-read under a row lock, so it is applied once even if two passes
 * overlapped. A change that no longer applies is marked FAILED with why, and the others still go ahead.
 */
@ApplicationScoped
public class ReorganisationJob {

    /** Names the advisory lock that one pass at a time holds, in every instance. */
    static final String PASS_LOCK = "plan-org-unit-reorganisations";
    private static final Logger LOG = Logger.getLogger(ReorganisationJob.class);

    private final Reorganisations reorganisations;
    private final OrgUnitCalendar calendar;
    private final EntityManager entityManager;

    ReorganisationJob(Reorganisations reorganisations, OrgUnitCalendar calendar, EntityManager entityManager) {
        this.reorganisations = reorganisations;
        this.calendar = calendar;
        this.entityManager = entityManager;
    }

    /**
     * What one pass of the reorganisation job did.
     *
     * @param busyElsewhere another instance was applying, so this pass stopped
     */
    public record Pass(int applied, int failed, boolean busyElsewhere) {
    }

    @QuietWhenStopping
    @Scheduled(every = "${commops.org-units.reorganisations.apply-every:10m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Pass pass = applyDue(calendar.today());
        if (pass.applied() + pass.failed() > 0) {
            LOG.infof("Reorganisations taking effect: %d applied, %d failed", pass.applied(), pass.failed());
        }
    }

    /** Applies every pending change dated {@code today} or earlier. */
    public Pass applyDue(LocalDate today) {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> reorganisations.due(today));
        int applied = 0;
        int failed = 0;
        for (Long id : due) {
            Boolean outcome;
            try {
                outcome = QuarkusTransaction.requiringNew().call(() -> lockPass() ? reorganisations.applyPending(id)
                        : null);
            } catch (ProblemException e) {
                LOG.warnf("Reorganisation %d could not take effect: %s", id, e.getMessage());
                QuarkusTransaction.requiringNew().run(() -> reorganisations.failPending(id, why(e)));
                failed++;
                continue;
            }
            if (outcome == null) {
                return new Pass(applied, failed, true);
            }
            applied += outcome ? 1 : 0;
        }
        return new Pass(applied, failed, false);
    }

    private static String why(ProblemException e) {
        return e.errors().isEmpty() ? e.getMessage() : e.getMessage() + " " + e.errors().stream()
                .map(error -> error.field() + ": " + error.message()).toList();
    }

    private boolean lockPass() {
        return (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(hashtext('" + PASS_LOCK
                + "'))").getSingleResult();
    }
}
