package vn.commops.build.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.openapi.OpenApiMerger;
import vn.commops.gateway.routing.RouteTable;

/**
 * The platform's document merged at build time from the documents the gateway and the services stored
 * when they were packaged ({@code quarkus.smallrye-openapi.store-schema-directory}), so that it can be
 * linted and clients generated from it without starting anything. The rules are those of
 * {@code /openapi} (the gateway's {@code OpenApiCatalog}): the {@link OpenApiMerger}, each service limited to the paths the gateway routes to
 * it (the prefixes in the gateway's packaged {@code application.properties}), the gateway as the one
 * server. Unlike {@code /openapi}, a missing document, a service the gateway does not route or a clash
 * fails: a build must not publish a partial or silently altered API. A build tool of its own module, so
 * that the gateway's runtime jar holds only what the gateway runs.
 *
 * <pre>
 * BuildTimeDocument out=FILE gateway=FILE server=URL plan=FILE activity=FILE ...
 * </pre>
 */
public final class BuildTimeDocument {

    private static final String ROUTES_FILE = "application.properties";
    private static final String PREFIXES = "commops.gateway.services.%s.prefixes";
    private static final Pattern PREFIXES_KEY = Pattern.compile("commops\\.gateway\\.services\\.([^.]+)\\.prefixes");
    /** The reading order {@link OpenApiCatalog} publishes in; {@code servers} follows them. */
    private static final List<String> TOP_LEVEL_ORDER = List.of("openapi", "info", "externalDocs", "security");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The merger logs each clash for the running gateway; here the build fails with all of them, once. */
    private static final Logger MERGER_LOG = Logger.getLogger(OpenApiMerger.class.getName());

    private BuildTimeDocument() {
    }

    public static void main(String[] args) throws IOException {
        MERGER_LOG.setLevel(Level.OFF);
        Map<String, String> named = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("Expected name=value, got '" + arg + "'");
            }
            named.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        Path out = Path.of(required(named, "out"));
        ObjectNode gateway = read("gateway", Path.of(required(named, "gateway")));
        String serverUrl = required(named, "server");
        Map<String, ObjectNode> services = new TreeMap<>();
        named.forEach((name, file) -> services.put(name, read(name, Path.of(file))));

        ObjectNode document = merge(gateway, services, routes(), serverUrl);
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), document);
        System.out.println("Merged the gateway's and " + services.keySet() + " documents into " + out);
    }

    /**
     * Merges the services' documents (by service name) into the gateway's, keeping of each service
     * the paths the gateway routes to it.
     */
    static ObjectNode merge(ObjectNode gateway, Map<String, ObjectNode> services, Properties routes,
            String serverUrl) {
        List<String> routed = routedServices(routes);
        if (!routed.equals(List.copyOf(services.keySet()))) {
            throw new IllegalArgumentException("The gateway routes to " + routed + " but documents were given for "
                    + services.keySet());
        }
        List<Downstream> downstreams = new ArrayList<>();
        services.keySet().forEach(name -> downstreams.add(downstream(name, routes)));
        RouteTable table = RouteTable.of(downstreams);
        List<OpenApiMerger.Contribution> contributions = new ArrayList<>();
        for (Downstream service : downstreams) {
            ObjectNode document = services.get(service.name()).deepCopy();
            if (document.get("paths") instanceof ObjectNode paths) {
                List<String> unrouted = new ArrayList<>();
                paths.fieldNames().forEachRemaining(path -> {
                    if (!table.routesTo(path, service)) {
                        unrouted.add(path);
                    }
                });
                if (!unrouted.isEmpty()) {
                    // As /openapi does: clients could not call them through the gateway.
                    System.err.println("WARNING: the " + service.title() + " documents paths the gateway does "
                            + "not route to it, left out: " + unrouted);
                    paths.remove(unrouted);
                }
            }
            contributions.add(new OpenApiMerger.Contribution(service.name(), document));
        }
        OpenApiMerger.Merged merged = new OpenApiMerger().merge(gateway, contributions);
        if (!merged.conflicts().isEmpty()) {
            throw new IllegalStateException("The documents clash, and /openapi would keep only the first of each "
                    + "(give them one definition or distinct names): " + String.join("; ", merged.conflicts()));
        }
        return published(merged.document(), serverUrl);
    }

    private static ObjectNode published(ObjectNode merged, String serverUrl) {
        ObjectNode document = JSON.createObjectNode();
        TOP_LEVEL_ORDER.stream().filter(merged::has).forEach(field -> document.set(field, merged.get(field)));
        document.putArray("servers").addObject().put("url", serverUrl)
                .put("description", "The gateway, in front of every service");
        merged.properties().forEach(field -> {
            if (!document.has(field.getKey())) {
                document.set(field.getKey(), field.getValue());
            }
        });
        return document;
    }

    private static List<String> routedServices(Properties routes) {
        return routes.stringPropertyNames().stream().map(PREFIXES_KEY::matcher).filter(Matcher::matches)
                .map(matcher -> matcher.group(1)).sorted().toList();
    }

    /** A service as the route table needs it: its name and prefixes; it is never called at build time. */
    private static Downstream downstream(String name, Properties routes) {
        String prefixes = routes.getProperty(PREFIXES.formatted(name));
        if (prefixes == null) {
            throw new IllegalArgumentException("The gateway routes nothing to a service named '" + name
                    + "': no " + PREFIXES.formatted(name) + " in its " + ROUTES_FILE);
        }
        List<String> list = Arrays.stream(prefixes.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        return new Downstream(name, List.of(), list, "", "");
    }

    /** The gateway's own packaged configuration, read from beside its classes (its jar or classes folder). */
    private static Properties routes() throws IOException {
        Properties routes = new Properties();
        Path location;
        try {
            location = Path.of(RouteTable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (Files.isDirectory(location)) {
            try (Reader in = Files.newBufferedReader(location.resolve(ROUTES_FILE), StandardCharsets.UTF_8)) {
                routes.load(in);
            }
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(location);
                    InputStream in = Files.newInputStream(jar.getPath(ROUTES_FILE))) {
                routes.load(in);
            }
        }
        return routes;
    }

    private static ObjectNode read(String name, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No OpenAPI document for '" + name + "' at " + file.toAbsolutePath()
                    + ": package that module with quarkus.smallrye-openapi.store-schema-directory=target/openapi");
        }
        try {
            JsonNode document = JSON.readTree(file.toFile());
            if (document instanceof ObjectNode object && object.path("openapi").isTextual()) {
                return object;
            }
            throw new IllegalStateException(file + " is not an OpenAPI document");
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> named, String name) {
        String value = named.remove(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing argument " + name + "=...");
        }
        return value;
    }
}
