package vn.commops.common.event;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.jboss.logging.Logger;

/** What {@link QuietWhenStopping} does; outside any transaction interceptor, so it sees the commit fail too. */
@QuietWhenStopping
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class QuietWhenStoppingInterceptor {

    private static final Logger LOG = Logger.getLogger(QuietWhenStoppingInterceptor.class);

    @AroundInvoke
    Object unlessStopping(InvocationContext invocation) throws Exception {
        if (ProcessShutdown.underway()) {
            return null;
        }
        try {
            return invocation.proceed();
        } catch (Exception e) {
            if (!ProcessShutdown.underway()) {
                throw e;
            }
            LOG.debugf("%s stopped with the process: %s", invocation.getMethod().getDeclaringClass().getSimpleName(),
                    e.getMessage());
            return null;
        }
    }
}
