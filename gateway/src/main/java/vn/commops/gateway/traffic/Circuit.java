package vn.commops.gateway.traffic;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * The circuit to one instance of a service. Closed, requests pass and failures in a row are counted;
 * at the threshold it opens and refuses every request for the cool-down; then it lets one trial through
 * (half-open), whose outcome closes it again or reopens it for another cool-down.
 * Outcomes of requests let through before it opened are ignored, so a late answer cannot close it.
 */
public final class Circuit {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** What the circuit says to one request; the same value is handed back with its outcome. */
    public enum Admission { PASS, TRIAL, REFUSED }

    private static final Logger LOG = Logger.getLogger(Circuit.class);

    private final String subject;
    private final int threshold;
    private final long coolDownNanos;
    private final LongSupplier clock;
    private final Runnable onOpen;
    private State state = State.CLOSED;
    private int failuresInARow;
    private long openedAt;
    private long trialStartedAt;
    private boolean trialRunning;

    public Circuit(String subject, int threshold, Duration coolDown, LongSupplier clock) {
        this(subject, threshold, coolDown, clock, () -> { });
    }

    /** @param onOpen told each time the circuit opens, for the ejection count */
    Circuit(String subject, int threshold, Duration coolDown, LongSupplier clock, Runnable onOpen) {
        if (threshold < 1 || coolDown.isNegative() || coolDown.isZero()) {
            throw new IllegalArgumentException("A circuit breaker needs failure-threshold >= 1 and a positive cool-down");
        }
        this.subject = subject;
        this.threshold = threshold;
        this.coolDownNanos = coolDown.toNanos();
        this.clock = clock;
        this.onOpen = onOpen;
    }

    public synchronized Admission admit() {
        long now = clock.getAsLong();
        if (state == State.CLOSED) {
            return Admission.PASS;
        }
        if (state == State.OPEN && now - openedAt < coolDownNanos) {
            return Admission.REFUSED;
        }
        // A trial that never reported back (its client went away) must not keep the circuit shut for good.
        if (state == State.OPEN || !trialRunning || now - trialStartedAt >= coolDownNanos) {
            state = State.HALF_OPEN;
            trialRunning = true;
            trialStartedAt = now;
            return Admission.TRIAL;
        }
        return Admission.REFUSED;
    }

    public synchronized void succeeded(Admission admission) {
        if (admission == Admission.TRIAL && state == State.HALF_OPEN) {
            LOG.infof("The %s answers again; requests flow to it again", subject);
            close();
        } else if (admission == Admission.PASS && state == State.CLOSED) {
            failuresInARow = 0;
        }
    }

    public synchronized void failed(Admission admission) {
        if (admission == Admission.TRIAL && state == State.HALF_OPEN) {
            open("its trial request failed too");
        } else if (admission == Admission.PASS && state == State.CLOSED && ++failuresInARow >= threshold) {
            open(failuresInARow + " requests in a row failed");
        }
    }

    /** The request ended without telling anything about the instance (the client's own fault). */
    public synchronized void undecided(Admission admission) {
        if (admission == Admission.TRIAL && state == State.HALF_OPEN) {
            trialRunning = false;
        }
    }

    public synchronized State state() {
        return state;
    }

    /** Whole seconds until the circuit lets a trial through; at least 1, for a {@code Retry-After}. */
    public synchronized long secondsUntilTrial() {
        // Half-open, the trial is under way and decides soon.
        long left = state == State.OPEN ? coolDownNanos - (clock.getAsLong() - openedAt) : 0;
        return Math.max(1, wholeSeconds(left));
    }

    private void open(String why) {
        state = State.OPEN;
        openedAt = clock.getAsLong();
        trialRunning = false;
        LOG.warnf("The %s is cut off for %d s: %s", subject, wholeSeconds(coolDownNanos), why);
        onOpen.run();
    }

    private static long wholeSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    private void close() {
        state = State.CLOSED;
        failuresInARow = 0;
        trialRunning = false;
    }
}
