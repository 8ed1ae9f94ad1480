package vn.commops.common.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Prefixes every schema a service defines with the service's name ({@code ActivityRecordRequest}),
 * because the gateway merges all services into one document and two same-named schemas would
 * otherwise silently become one. The contracts every service shares keep their names.
 */
public class ServiceSchemaPrefixFilter implements OASFilter {

    static final String REF_PREFIX = "#/components/schemas/";
    /** The shared problem contract, and the JDK types SmallRye describes as named schemas: the same everywhere. */
    static final Set<String> SHARED_SCHEMAS = Set.of("Problem", "ProblemFieldError", "UUID", "OffsetDateTime",
            "LocalDate", "LocalDateTime", "Instant", "Duration", "ZoneId");

    private final String prefix;

    public ServiceSchemaPrefixFilter() {
        this(ConfigProvider.getConfig().getOptionalValue("commops.openapi.schema-prefix", String.class).orElse(""));
    }

    ServiceSchemaPrefixFilter(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Schema filterSchema(Schema schema) {
        String ref = schema.getRef();
        if (ref != null && ref.startsWith(REF_PREFIX)) {
            schema.setRef(REF_PREFIX + prefixed(ref.substring(REF_PREFIX.length())));
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null) {
            return;
        }
        Map<String, Schema> renamed = new LinkedHashMap<>();
        components.getSchemas().forEach((name, schema) -> {
            if (renamed.putIfAbsent(prefixed(name), schema) != null) {
                // Silently keeping one would describe the other's fields wrongly in the merged document.
                throw new IllegalStateException("Two schemas are both named " + prefixed(name)
                        + " once prefixed; give one an explicit @Schema(name = ...)");
            }
        });
        components.setSchemas(renamed);
    }

    String prefixed(String name) {
        if (prefix.isEmpty() || SHARED_SCHEMAS.contains(name) || name.startsWith(prefix)) {
            return name;
        }
        return prefix + name;
    }
}
