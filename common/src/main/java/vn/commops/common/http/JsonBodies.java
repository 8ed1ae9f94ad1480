package vn.commops.common.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;

/**
 * A body an endpoint reads as JSON must be sent as JSON. An endpoint that declares no {@code @Consumes}
 * takes any content type, and Quarkus REST then reads {@code text/plain} with the JSON reader: a client
 * that sent the wrong type would see its request succeed. Refused here with a 415, as a declared one is.
 */
public class JsonBodies {

    /** Parameters Quarkus REST fills from the request's context, never from its body. */
    private static final Set<Class<?>> CONTEXT = Set.of(UriInfo.class, HttpHeaders.class, SecurityContext.class,
            ContainerRequestContext.class);

    private final Map<Method, Boolean> readsJsonUndeclared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        MediaType type = request.getMediaType();
        if (method == null || type == null || isJson(type)
                || !readsJsonUndeclared.computeIfAbsent(method, JsonBodies::readsJsonUndeclared)) {
            return;
        }
        throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                "This endpoint reads a JSON body; send it as application/json",
                List.of(new Problem.FieldError("Content-Type", "must be application/json")));
    }

    private static boolean isJson(MediaType type) {
        return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    }

    /** A body read into an object, by an endpoint that names no content type of its own. */
    static boolean readsJsonUndeclared(Method method) {
        if (method.isAnnotationPresent(Consumes.class) || method.getDeclaringClass().isAnnotationPresent(Consumes.class)) {
            return false;
        }
        for (Parameter parameter : method.getParameters()) {
            Class<?> type = parameter.getType();
            if (isBody(parameter) && type != String.class && type != byte[].class
                    && !InputStream.class.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBody(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            String origin = annotation.annotationType().getPackageName();
            if (origin.startsWith("jakarta.ws.rs") || origin.startsWith("org.jboss.resteasy.reactive")) {
                return false;
            }
        }
        return !CONTEXT.contains(parameter.getType());
    }
}
