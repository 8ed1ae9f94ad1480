package vn.commops.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.interceptor.InvocationContext;
import jakarta.transaction.RollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class DatabaseOutageRetryTest {

    private final DatabaseOutageRetry retry = new DatabaseOutageRetry();

    @Test
    void anEventIsAppliedAgainUntilTheDatabaseAnswers() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Object applied = retry.untilTheDatabaseAnswers(invocation(attempt -> {
            if (attempt < 3) {
                throw new IllegalStateException("flush failed",
                        new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT));
            }
            return "applied";
        }, attempts));
        assertEquals("applied", applied);
        assertEquals(3, attempts.get());
    }

    @Test
    void aCommitThatFailedWithoutACauseIsTriedAgainAFewTimes() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Object applied = retry.untilTheDatabaseAnswers(invocation(attempt -> {
            if (attempt < 3) {
                // as the transaction interceptor throws it: checked, with no cause
                throw new RollbackException("ARJUNA016053: Could not commit transaction.");
            }
            return "applied";
        }, attempts));
        assertEquals("applied", applied);
        assertEquals(3, attempts.get());

        AtomicInteger failing = new AtomicInteger();
        assertThrows(RollbackException.class, () -> retry.untilTheDatabaseAnswers(invocation(attempt -> {
            throw new RollbackException("ARJUNA016053: Could not commit transaction.");
        }, failing)));
        assertEquals(DatabaseOutageRetry.COMMIT_RETRIES + 1, failing.get());
    }

    @Test
    void anEventThatCanNeverBeAppliedFailsAtOnceForTheDeadLetterTopic() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalArgumentException poison = new IllegalArgumentException("Event carries no activityId");
        assertSame(poison, assertThrows(IllegalArgumentException.class,
                () -> retry.untilTheDatabaseAnswers(invocation(attempt -> {
                    throw poison;
                }, attempts))));
        assertEquals(1, attempts.get());
    }

    @Test
    void anEventThatFailsWhileTheProcessStopsIsNeitherAcknowledgedNorFailed() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException closed = new IllegalStateException("EntityManagerFactory is closed");
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        ProcessShutdown.begin();
        Thread consumer = new Thread(() -> {
            try {
                retry.untilTheDatabaseAnswers(invocation(attempt -> {
                    throw closed;
                }, attempts));
                outcome.set(new AssertionError("acknowledged"));
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        try {
            consumer.start();
            consumer.join(500);
            assertTrue(consumer.isAlive(), "the event is held until the process exits");
            assertNull(outcome.get());
        } finally {
            ProcessShutdown.callOff();
        }
        consumer.join(2_000);
        assertSame(closed, outcome.get(), "a stop called off leaves the failure as it was");
        assertEquals(1, attempts.get());
    }

    private static InvocationContext invocation(Attempt work, AtomicInteger attempts) {
        return new StubInvocation(() -> work.apply(attempts.incrementAndGet()));
    }

    /** One try of the consumer's work, which may throw what the interceptors inside throw, checked or not. */
    private interface Attempt {
        Object apply(int attempt) throws Exception;
    }
}
