package vn.commops.common.event;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this process has begun to stop. Once it has, the persistence unit and the datasource close
 * while consumers may still hold events, which then fail with errors that say nothing about the event
 * ("EntityManagerFactory is closed"); {@link DatabaseOutageRetry} keeps such an event unacknowledged
 * instead of sending it to the dead-letter topic. Both events fire before Quarkus closes anything.
 */
@ApplicationScoped
public class ProcessShutdown {

    private static final AtomicBoolean UNDERWAY = new AtomicBoolean();

    void delayBegins(@Observes ShutdownDelayInitiatedEvent event) {
        UNDERWAY.set(true);
    }

    void stopping(@Observes ShutdownEvent event) {
        UNDERWAY.set(true);
    }

    public static boolean underway() {
        return UNDERWAY.get();
    }

    static void begin() {
        UNDERWAY.set(true);
    }

    /** For tests: the stop was called off. */
    static void callOff() {
        UNDERWAY.set(false);
    }
}
