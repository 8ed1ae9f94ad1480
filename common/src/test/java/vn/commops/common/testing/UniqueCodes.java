package vn.commops.common.testing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Codes no other test of this JVM was given. Random suffixes collided by the birthday paradox once a
 * suite created a few hundred units under one stem (a 409 one run in several); a counter from a random
 * start per JVM cannot, and still varies from run to run.
 */
public final class UniqueCodes {

    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(0x10000, 0x80000));

    private UniqueCodes() {
    }

    /** {@code stem-XXXXX}, hex upper case. */
    public static String of(String stem) {
        return stem + "-" + Integer.toHexString(NEXT.getAndIncrement()).toUpperCase();
    }
}
