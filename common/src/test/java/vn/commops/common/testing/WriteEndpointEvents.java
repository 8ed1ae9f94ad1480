package vn.commops.common.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;

/**
 * Holds a service to "every state change is an event": it finds every write endpoint (POST, PUT,
 * PATCH, DELETE) of the service's compiled resources itself, so that a new endpoint nobody listed
 * fails the test, and for each listed one runs a scenario and checks that the outbox grew by the
 * event types it names. An endpoint that changes no state must be listed with the reason.
 */
public final class WriteEndpointEvents {

    private static final List<Class<? extends Annotation>> WRITE_METHODS =
            List.of(POST.class, PUT.class, PATCH.class, DELETE.class);
    private static final Duration EVENT_WAIT = Duration.ofSeconds(20);

    /** What the catalogue says about one endpoint. */
    public sealed interface Entry permits Emits, ChangesNoState {
    }

    /**
     * The endpoint publishes each of {@code types}. {@code arrange} prepares what the call needs (its
     * own events are not counted) and returns the call under test, which asserts its own success.
     */
    public record Emits(List<String> types, Supplier<Runnable> arrange) implements Entry {
        public Emits {
            if (types.isEmpty() || types.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("an entry that emits must name its event types");
            }
        }
    }

    public record ChangesNoState(String reason) implements Entry {
        public ChangesNoState {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("say why the endpoint changes no state");
            }
        }
    }

    public static Emits emits(String type, Supplier<Runnable> arrange) {
        return new Emits(List.of(type), arrange);
    }

    public static Emits emits(List<String> types, Supplier<Runnable> arrange) {
        return new Emits(types, arrange);
    }

    public static ChangesNoState changesNoState(String reason) {
        return new ChangesNoState(reason);
    }

    private WriteEndpointEvents() {
    }

    /**
     * One test that the catalogue names exactly the service's write endpoints, then one per endpoint
     * that emits. {@code packageRoot} is the service's, e.g. {@code vn.commops.activity}.
     */
    public static Stream<DynamicTest> check(String packageRoot, Map<String, Entry> catalogue, DataSource dataSource) {
        DynamicTest complete = DynamicTest.dynamicTest("the catalogue names every write endpoint",
                () -> assertCatalogueComplete(packageRoot, catalogue));
        Stream<DynamicTest> each = catalogue.entrySet().stream()
                .filter(entry -> entry.getValue() instanceof Emits)
                .map(entry -> DynamicTest.dynamicTest(entry.getKey() + " publishes "
                        + ((Emits) entry.getValue()).types(), () -> assertEmits((Emits) entry.getValue(), dataSource)));
        return Stream.concat(Stream.of(complete), each);
    }

    static void assertCatalogueComplete(String packageRoot, Map<String, Entry> catalogue) {
        Set<String> found = writeEndpoints(packageRoot);
        assertFalse(found.isEmpty(), "no write endpoint found under " + packageRoot + ": is target/classes there?");
        Set<String> unlisted = new TreeSet<>(found);
        unlisted.removeAll(catalogue.keySet());
        Set<String> stale = new TreeSet<>(catalogue.keySet());
        stale.removeAll(found);
        assertTrue(unlisted.isEmpty(), "write endpoints that neither publish an event in the catalogue nor are "
                + "listed as changing no state: " + unlisted);
        assertTrue(stale.isEmpty(), "catalogue entries for endpoints that do not exist: " + stale);
    }

    static void assertEmits(Emits entry, DataSource dataSource) {
        Runnable call = entry.arrange().get();
        Map<String, Long> before = countByType(dataSource);
        call.run();
        long deadline = System.nanoTime() + EVENT_WAIT.toNanos();
        while (true) {
            Map<String, Long> after = countByType(dataSource);
            List<String> missing = entry.types().stream()
                    .filter(type -> after.getOrDefault(type, 0L) <= before.getOrDefault(type, 0L)).toList();
            if (missing.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("the outbox did not grow by " + missing + " within " + EVENT_WAIT);
            }
            pause();
        }
    }

    /** {@code "POST /api/v1/partners/{id}/keys"} for every write method of a resource under the package. */
    public static Set<String> writeEndpoints(String packageRoot) {
        java.nio.file.Path classes = java.nio.file.Path.of("target", "classes");
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(classes)) {
            return files.map(classes::relativize).map(java.nio.file.Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace(java.io.File.separatorChar, '.'))
                    .filter(name -> name.startsWith(packageRoot + "."))
                    .map(WriteEndpointEvents::load)
                    .filter(type -> type.isAnnotationPresent(Path.class))
                    .flatMap(WriteEndpointEvents::writeEndpointsOf)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> writeEndpointsOf(Class<?> resource) {
        String base = resource.getAnnotation(Path.class).value();
        return Stream.of(resource.getDeclaredMethods()).flatMap(method -> WRITE_METHODS.stream()
                .filter(method::isAnnotationPresent)
                .map(verb -> verb.getSimpleName() + " " + join(base, method)));
    }

    private static String join(String base, Method method) {
        Path sub = method.getAnnotation(Path.class);
        String path = sub == null ? base : trimEnd(base) + "/" + trimStart(sub.value());
        // a template may carry a regular expression, {id: [0-9]+}; the catalogue names only the parameter
        return trimEnd(path).replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}");
    }

    private static String trimEnd(String path) {
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }

    private static String trimStart(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> countByType(DataSource dataSource) {
        return OutboxContents.events(dataSource).stream()
                .collect(Collectors.groupingBy(e -> e.envelope().path("type").asText(), Collectors.counting()));
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
