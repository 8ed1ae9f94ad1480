package vn.commops.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestAdmissionTest {

    @Test
    void admitsUpToTheLimitAndAgainOnceOneLeaves() {
        RequestAdmission.InFlight inFlight = new RequestAdmission.InFlight(2);
        assertTrue(inFlight.tryEnter());
        assertTrue(inFlight.tryEnter());
        assertFalse(inFlight.tryEnter());
        inFlight.leave();
        assertTrue(inFlight.tryEnter());
        assertEquals(2, inFlight.count.get());
    }

    @Test
    void neverAdmitsMoreThanTheLimitUnderContention() throws Exception {
        RequestAdmission.InFlight inFlight = new RequestAdmission.InFlight(5);
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            threads.submit(() -> {
                start.await();
                for (int j = 0; j < 10_000; j++) {
                    if (inFlight.tryEnter()) {
                        admitted.incrementAndGet();
                    }
                }
                return null;
            });
        }
        start.countDown();
        threads.shutdown();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(5, admitted.get());
        assertEquals(5, inFlight.count.get());
    }
}
