package vn.commops.gateway.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.traffic.Circuit.Admission;
import vn.commops.gateway.traffic.Circuit.State;

class CircuitTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong();
    private final Circuit circuit = new Circuit("plan service", 3, Duration.ofSeconds(10), now::get);

    @Test
    void failuresInARowOpenIt() {
        failTimes(3);

        assertEquals(State.OPEN, circuit.state());
        assertEquals(Admission.REFUSED, circuit.admit());
        assertEquals(10, circuit.secondsUntilTrial());
    }

    @Test
    void aSuccessInBetweenStartsTheCountAgain() {
        failTimes(2);
        circuit.succeeded(circuit.admit());
        failTimes(2);

        assertEquals(State.CLOSED, circuit.state());
    }

    @Test
    void afterTheCoolDownOneTrialGoesThroughAndItsSuccessClosesIt() {
        failTimes(3);
        now.addAndGet(10 * SECOND);

        Admission trial = circuit.admit();

        assertEquals(Admission.TRIAL, trial);
        assertEquals(Admission.REFUSED, circuit.admit(), "one trial at a time");
        circuit.succeeded(trial);
        assertEquals(State.CLOSED, circuit.state());
        assertEquals(Admission.PASS, circuit.admit());
    }

    @Test
    void aFailedTrialOpensItForAnotherCoolDown() {
        failTimes(3);
        now.addAndGet(10 * SECOND);

        circuit.failed(circuit.admit());

        assertEquals(State.OPEN, circuit.state());
        now.addAndGet(4 * SECOND);
        assertEquals(Admission.REFUSED, circuit.admit());
        assertEquals(6, circuit.secondsUntilTrial());
    }

    @Test
    void aLateAnswerFromBeforeTheCutOffDoesNotCloseIt() {
        Admission early = circuit.admit();
        failTimes(3);

        circuit.succeeded(early);

        assertEquals(State.OPEN, circuit.state());
    }

    @Test
    void aTrialThatTellsNothingOrNeverEndsMakesWayForAnother() {
        failTimes(3);
        now.addAndGet(10 * SECOND);
        circuit.undecided(circuit.admit());
        assertEquals(Admission.TRIAL, circuit.admit());

        now.addAndGet(10 * SECOND);

        assertEquals(Admission.TRIAL, circuit.admit(), "a trial silent for a whole cool-down is given up");
    }

    private void failTimes(int times) {
        for (int i = 0; i < times; i++) {
            circuit.failed(circuit.admit());
        }
    }
}
