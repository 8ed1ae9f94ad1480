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
 * event unacknowledged, and it is delivered again after the restart (or to the instance that takes
 * the partition over). The same for any failure once the process has begun to stop ({@link
 * ProcessShutdown}): the persistence unit closing under a consumer is no fault of the event.
 */
@RetriedWhileDatabaseDown
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class DatabaseOutageRetry {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageRetry.class);
    static final Duration FIRST_DELAY = Duration.ofMillis(200);
    static final Duration LONGEST_DELAY = Duration.ofSeconds(5);
    private static final Duration HOLD_CHECK = Duration.ofMillis(100);
    /** About 6 s of backoff: long enough for a restarting server, short enough for a poison event to move on. */
    static final int COMMIT_RETRIES = 5;

    @AroundInvoke
    Object untilTheDatabaseAnswers(InvocationContext invocation) throws Exception {
        Duration delay = FIRST_DELAY;
        int commitRetries = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                return invocation.proceed();
            } catch (Exception e) {
                // Exception, not RuntimeException: the transaction interceptor inside this one throws a
                // failed commit as the checked RollbackException
                if (ProcessShutdown.underway()) {
                    holdWhileStopping(invocation, e);
                    throw e;
                }
                if (!DatabaseFailures.isPassingOutage(e)
                        && !(DatabaseFailures.failedAtCommit(e) && commitRetries++ < COMMIT_RETRIES)) {
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

    /**
     * Neither acknowledges nor fails the event while the process stops: the thread waits here until
     * the JVM exits, and the event's offset is never committed. Returns only if the stop is called off.
     */
    private static void holdWhileStopping(InvocationContext invocation, Exception failure) {
        LOG.infof("%s stops with an event unacknowledged, to be delivered again (%s)",
                invocation.getMethod().getDeclaringClass().getSimpleName(), DatabaseFailures.rootMessage(failure));
        while (ProcessShutdown.underway()) {
            sleepThroughInterrupts(HOLD_CHECK);
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
