package vn.commops.common.event;

import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.Callable;

/** An intercepted call for the interceptors' unit tests: each proceed() runs the work given. */
final class StubInvocation implements InvocationContext {

    private final Callable<Object> work;

    StubInvocation(Callable<Object> work) {
        this.work = work;
    }

    @Override
    public Object proceed() throws Exception {
        return work.call();
    }

    @Override
    public Method getMethod() {
        try {
            return StubInvocation.class.getDeclaredMethod("proceed");
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Object getTarget() {
        return null;
    }

    @Override
    public Object getTimer() {
        return null;
    }

    @Override
    public Constructor<?> getConstructor() {
        return null;
    }

    @Override
    public Object[] getParameters() {
        return new Object[0];
    }

    @Override
    public void setParameters(Object[] params) {
    }

    @Override
    public Map<String, Object> getContextData() {
        return Map.of();
    }
}
