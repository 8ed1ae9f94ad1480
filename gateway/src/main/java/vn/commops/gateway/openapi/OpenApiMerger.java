package vn.commops.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Merges the services' OpenAPI documents into the gateway's: the gateway keeps its own {@code openapi},
 * {@code info}, {@code servers} and top-level {@code security}; paths, webhooks, every kind of component
 * and tags are united. On a clash the first contributor wins (the gateway, then the services in order)
 * and the clash is reported: identical entries (the shared {@code Problem} schema) are not clashes.
 */
public final class OpenApiMerger {

    /** One service's document, named for the reports. */
    public record Contribution(String source, ObjectNode document) {
    }

    /** The merged document and the clashes resolved while merging. */
    public record Merged(ObjectNode document, List<String> conflicts) {
    }

    private static final Logger LOG = Logger.getLogger(OpenApiMerger.class);
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    public Merged merge(ObjectNode gateway, List<Contribution> services) {
        ObjectNode merged = gateway.deepCopy();
        Run run = new Run(merged);
        run.collectOperationIds(merged.path("paths"));
        for (Contribution service : services) {
            run.add(service.source(), service.document().deepCopy());
        }
        run.dropEmpty();
        run.conflicts.forEach(LOG::error);
        return new Merged(merged, List.copyOf(run.conflicts));
    }

    /** The state of one merge. */
    private static final class Run {

        private final ObjectNode merged;
        private final List<String> conflicts = new ArrayList<>();
        private final Set<String> operationIds = new HashSet<>();

        Run(ObjectNode merged) {
            this.merged = merged;
        }

        void add(String source, ObjectNode document) {
            pushDownSecurity(document);
            renameDuplicateOperationIds(source, document.path("paths"));
            renameDuplicateOperationIds(source, document.path("webhooks"));
            unite("paths", objectIn(merged, "paths"), document.path("paths"), source);
            unite("webhooks", objectIn(merged, "webhooks"), document.path("webhooks"), source);
            document.path("components").properties().forEach(kind -> unite("components." + kind.getKey(),
                    objectIn(objectIn(merged, "components"), kind.getKey()), kind.getValue(), source));
            addTags(document.path("tags"));
        }

        void collectOperationIds(JsonNode paths) {
            operations(paths).forEach(operation -> {
                if (operation.hasNonNull("operationId")) {
                    operationIds.add(operation.get("operationId").asText());
                }
            });
        }

        /** Adds the entries of one map not yet present; a different entry under a taken name is a clash. */
        private void unite(String where, ObjectNode into, JsonNode from, String source) {
            for (Map.Entry<String, JsonNode> entry : from.properties()) {
                JsonNode existing = into.get(entry.getKey());
                if (existing == null) {
                    into.set(entry.getKey(), entry.getValue());
                } else if (!existing.equals(entry.getValue())) {
                    conflicts.add(where + "." + entry.getKey() + " from " + source
                            + " differs from the one already merged; the first is kept");
                }
            }
        }

        private void addTags(JsonNode tags) {
            ArrayNode into = merged.has("tags") && merged.get("tags").isArray() ? (ArrayNode) merged.get("tags")
                    : merged.putArray("tags");
            Set<String> names = new HashSet<>();
            into.forEach(tag -> names.add(tag.path("name").asText()));
            tags.forEach(tag -> {
                if (names.add(tag.path("name").asText())) {
                    into.add(tag);
                }
            });
        }

        /**
         * A service's top-level security applies to its own operations only; moved onto them it keeps
         * that meaning once the documents share one top level.
         */
        private static void pushDownSecurity(ObjectNode document) {
            JsonNode security = document.remove("security");
            if (security == null) {
                return;
            }
            operations(document.path("paths")).forEach(operation -> {
                if (!operation.has("security")) {
                    operation.set("security", security.deepCopy());
                }
            });
        }

        /** operationIds must be unique across the whole document; a clash gets the service's name in front. */
        private void renameDuplicateOperationIds(String source, JsonNode paths) {
            operations(paths).forEach(operation -> {
                if (!operation.hasNonNull("operationId")) {
                    return;
                }
                String id = operation.get("operationId").asText();
                if (!operationIds.add(id)) {
                    String renamed = source + "_" + id;
                    operation.put("operationId", renamed);
                    operationIds.add(renamed);
                    conflicts.add("operationId " + id + " from " + source + " is taken; renamed " + renamed);
                }
            });
        }

        private static List<ObjectNode> operations(JsonNode paths) {
            List<ObjectNode> operations = new ArrayList<>();
            paths.forEach(pathItem -> METHODS.forEach(method -> {
                if (pathItem.get(method) instanceof ObjectNode operation) {
                    operations.add(operation);
                }
            }));
            return operations;
        }

        void dropEmpty() {
            if (merged.path("webhooks").isEmpty()) {
                merged.remove("webhooks");
            }
            if (merged.path("tags").isEmpty()) {
                merged.remove("tags");
            }
            if (merged.get("components") instanceof ObjectNode components) {
                List<String> empty = new ArrayList<>();
                components.properties().forEach(kind -> {
                    if (kind.getValue().isEmpty()) {
                        empty.add(kind.getKey());
                    }
                });
                components.remove(empty);
                if (components.isEmpty()) {
                    merged.remove("components");
                }
            }
        }

        private static ObjectNode objectIn(ObjectNode parent, String field) {
            if (parent.get(field) instanceof ObjectNode child) {
                return child;
            }
            ObjectNode child = JsonNodeFactory.instance.objectNode();
            parent.set(field, child);
            return child;
        }
    }
}
