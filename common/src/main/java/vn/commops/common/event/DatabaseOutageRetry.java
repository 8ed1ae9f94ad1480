package vn.commops.common.event;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;
import org.jboss.logging.Logger;
import vn.commops.common.problem.DatabaseFailures;

/**
 * Runs a consumer again while its failure is a passing database outage. Placed outside the
 * transaction interceptor (a lower priority), so each attempt is a transaction of its own. A shutdown
 * does not end the wait with a failure, which would dead-letter the event: the process stops with the
 * event unacknowledged, and it is delivered again after the restart.
 */
@RetriedWhileDatabaseDown
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class DatabaseOutageRetry {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageRetry.class);
    static final Duration FIRST_DELAY = Duration.ofMillis(200);
    static final Duration LONGEST_DELAY = Duration.ofSeconds(5);

    @AroundInvoke
    Object untilTheDatabaseAnswers(InvocationContext invocation) throws Exception {
        Duration delay = FIRST_DELAY;
        for (int attempt = 1; ; attempt++) {
            try {
                return invocation.proceed();
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isPassingOutage(e)) {
                    throw e;
                }
                if (attempt == 1 || attempt % 20 == 0) {
                    LOG.warnf("%s waits for the database (attempt %d, next in %d ms): %s",
                            invocation.getMethod().getDeclaringClass().getSimpleName(), attempt, delay.toMillis(),
                            DatabaseFailures.rootMessage(e));
                }
                sleepThroughInterrupts(delay);
                delay = delay.multipliedBy(2).compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay.multipliedBy(2);
            }
        }
    }

    /** An interrupt (a shutdown) is kept for the caller, not turned into a failure of this event. */
    private static void sleepThroughInterrupts(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        boolean interrupted = false;
        for (long left = delay.toNanos(); left > 0; left = until - System.nanoTime()) {
            try {
                Thread.sleep(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
