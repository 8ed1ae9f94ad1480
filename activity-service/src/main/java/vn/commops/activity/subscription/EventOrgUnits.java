package vn.commops.activity.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.commops.common.event.EventEnvelope;
import vn.commops.common.orgunit.KnownOrgUnit;

/**
 * The org unit an event is about, as a path, so that grants can be checked as subtrees. Activities and
 * campaigns carry their path; org-unit events are their unit's state; other events name a unit's code, which
 * the org-unit replica turns into its path. An event naming no unit (a reorganisation) has none.
 */
@ApplicationScoped
public class EventOrgUnits {

    private static final List<String> PATH_FIELDS = List.of("orgUnitPath", "ownerUnitPath");
    private static final List<String> CODE_FIELDS = List.of("orgUnitCode", "ownerUnitCode");

    /** Each event's unit path by event id (absent when it names none or the unit is unknown here). */
    Map<UUID, String> pathsOf(Collection<EventEnvelope> events) {
        Map<UUID, String> paths = new HashMap<>();
        Map<UUID, String> codes = new HashMap<>();
        for (EventEnvelope event : events) {
            String path = directPath(event);
            if (path != null) {
                paths.put(event.id(), path);
            } else {
                String code = code(event);
                if (code != null) {
                    codes.put(event.id(), code);
                }
            }
        }
        if (!codes.isEmpty()) {
            Map<String, String> known = new HashMap<>();
            KnownOrgUnit.<KnownOrgUnit>list("code in ?1", codes.values().stream().distinct().toList())
                    .forEach(unit -> known.put(unit.code, unit.path));
            codes.forEach((eventId, code) -> {
                if (known.containsKey(code)) {
                    paths.put(eventId, known.get(code));
                }
            });
        }
        return paths;
    }

    private static String directPath(EventEnvelope event) {
        JsonNode data = event.data();
        if (event.type().startsWith("org-unit.")) {
            return text(data, "path");
        }
        for (String field : PATH_FIELDS) {
            String path = text(data, field);
            if (path != null) {
                return path;
            }
        }
        return null;
    }

    private static String code(EventEnvelope event) {
        for (String field : CODE_FIELDS) {
            String code = text(event.data(), field);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
