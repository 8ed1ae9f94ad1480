package vn.commops.common.event;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A scheduled job that does not start once the process has begun to stop, and whose failure while it
 * stops (the persistence unit closed under it) is no error: the next start, or another instance, runs
 * it again. See {@link QuietWhenStoppingInterceptor}.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface QuietWhenStopping {
}
