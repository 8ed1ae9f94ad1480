package vn.commops.plan.amendment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Snapshots as JSON text (jsonb columns), and compared as JSON: a Long written and an Integer read back
 * are the same amount, and jsonb's key order is not ours.
 */
@ApplicationScoped
class AuditJson {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private final ObjectMapper mapper;

    AuditJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String write(Map<String, Object> content) {
        if (content == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode tree(Object value) {
        try {
            return mapper.readTree(mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean same(Object one, Object other) {
        return tree(one).equals(tree(other));
    }

    /** The top-level fields whose values differ; every field of either side when the other is missing. */
    List<String> changedFields(Map<String, Object> before, Map<String, Object> after) {
        Set<String> names = new LinkedHashSet<>();
        if (before != null) {
            names.addAll(before.keySet());
        }
        if (after != null) {
            names.addAll(after.keySet());
        }
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            Object was = before == null ? null : before.get(name);
            Object is = after == null ? null : after.get(name);
            if (before == null || after == null || !same(was, is)) {
                changed.add(name);
            }
        }
        return changed;
    }
}
