package vn.commops.common.http;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.commops.common.problem.ProblemException;

/**
 * Query, path and header parameters read as strictly as bodies, and refused with a 400 naming the
 * parameter. Left to Jakarta REST, a value it cannot convert ({@code ?page=abc}, {@code ?form=BOGUS})
 * is a bare 404 as if the resource were missing, and any word but {@code true} is read as
 * {@code false} ({@code ?verifiedOnly=maybe}). Checked before the endpoint's parameters are converted.
 */
public class ParameterTypes {

    private enum Source { QUERY, PATH, HEADER }

    private record Expected(Source source, String name, String description, Predicate<String> accepts) {
    }

    private final Map<Method, List<Expected>> byEndpoint = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        MultivaluedMap<String, String> query = null;
        for (Expected expected : byEndpoint.computeIfAbsent(method, ParameterTypes::expectations)) {
            List<String> values = switch (expected.source()) {
                case QUERY -> (query == null ? query = request.getUriInfo().getQueryParameters() : query)
                        .get(expected.name());
                case PATH -> request.getUriInfo().getPathParameters().get(expected.name());
                case HEADER -> request.getHeaders().get(expected.name());
            };
            for (String value : values == null ? List.<String>of() : values) {
                if (!expected.accepts().test(value)) {
                    throw ProblemException.badRequest("invalid-parameter", expected.name(),
                            "must be " + expected.description());
                }
            }
        }
    }

    private static List<Expected> expectations(Method method) {
        List<Expected> expectations = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class;
                        type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        add(expectations, field.getAnnotations(), field.getGenericType());
                    }
                }
            } else {
                add(expectations, parameter.getAnnotations(), parameter.getParameterizedType());
            }
        }
        return List.copyOf(expectations);
    }

    private static void add(List<Expected> expectations, Annotation[] annotations, Type type) {
        for (Annotation annotation : annotations) {
            Source source = annotation instanceof QueryParam ? Source.QUERY
                    : annotation instanceof PathParam ? Source.PATH
                    : annotation instanceof HeaderParam ? Source.HEADER : null;
            if (source == null) {
                continue;
            }
            String name = annotation instanceof QueryParam q ? q.value()
                    : annotation instanceof PathParam p ? p.value() : ((HeaderParam) annotation).value();
            Class<?> element = elementType(type);
            Expected expected = expectationFor(source, name, element);
            if (expected != null) {
                expectations.add(expected);
            }
        }
    }

    /** {@code List<Form>} is checked value by value, as {@code Form}. */
    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)
                && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return type instanceof Class<?> raw ? raw : Object.class;
    }

    private static Expected expectationFor(Source source, String name, Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return new Expected(source, name, "true or false", v -> v.equals("true") || v.equals("false"));
        }
        if (type == int.class || type == Integer.class) {
            return new Expected(source, name, "a whole number", v -> parses(() -> Integer.parseInt(v)));
        }
        if (type == long.class || type == Long.class) {
            return new Expected(source, name, "a whole number", v -> parses(() -> Long.parseLong(v)));
        }
        if (type == UUID.class) {
            return new Expected(source, name, "a UUID",
                    v -> v.length() == 36 && parses(() -> UUID.fromString(v)));
        }
        if (type == LocalDate.class) {
            return new Expected(source, name, "a date, e.g. 2024-05-13", v -> parses(() -> LocalDate.parse(v)));
        }
        if (type == OffsetDateTime.class) {
            return new Expected(source, name, "a date-time with offset, e.g. 2024-05-13T08:00:00+07:00",
                    v -> parses(() -> OffsetDateTime.parse(v)));
        }
        if (type.isEnum()) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            return new Expected(source, name, "one of " + names, names::contains);
        }
        return null;
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
