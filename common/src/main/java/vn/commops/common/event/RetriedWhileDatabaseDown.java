package vn.commops.common.event;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A consumer whose event meets a passing database outage (unreachable, restarting, busy, a
 * serialization failure) applies it again in place, with backoff, until the database answers: the
 * event is neither acknowledged nor dead-lettered, and the partition waits behind it, in order. Only
 * an event that can never be applied goes to the dead-letter topic. See {@link DatabaseOutageRetry}.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RetriedWhileDatabaseDown {
}
