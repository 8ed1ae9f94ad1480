package vn.commops.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.interceptor.InvocationContext;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuietWhenStoppingInterceptorTest {

    private final QuietWhenStoppingInterceptor interceptor = new QuietWhenStoppingInterceptor();
    private final AtomicInteger runs = new AtomicInteger();

    @AfterEach
    void running() {
        ProcessShutdown.callOff();
    }

    @Test
    void aJobRunsAndFailsAsUsualWhileTheProcessRuns() throws Exception {
        assertEquals("done", interceptor.unlessStopping(job(() -> "done")));
        IllegalStateException failure = new IllegalStateException("database refused");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> interceptor.unlessStopping(job(() -> {
            throw failure;
        }))));
        assertEquals(2, runs.get());
    }

    @Test
    void aJobDoesNotStartOnceTheProcessStops() throws Exception {
        ProcessShutdown.begin();
        assertNull(interceptor.unlessStopping(job(() -> "done")));
        assertEquals(0, runs.get());
    }

    @Test
    void aFailureWhileTheProcessStopsIsNoError() throws Exception {
        assertNull(interceptor.unlessStopping(job(() -> {
            ProcessShutdown.begin();
            throw new IllegalStateException("EntityManagerFactory is closed");
        })));
        assertEquals(1, runs.get());
    }

    private interface Work {
        Object run() throws Exception;
    }

    private InvocationContext job(Work work) {
        return new StubInvocation(() -> {
            runs.incrementAndGet();
            return work.run();
        });
    }
}
