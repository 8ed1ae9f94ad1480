package vn.commops.common.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Builds event envelopes as another service would publish them, for consumer tests. */
public final class Envelopes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Envelopes() {
    }

    public static String envelope(UUID id, String type, String source, String subject, ObjectNode data) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("id", id.toString());
        envelope.put("type", type);
        envelope.put("source", source);
        envelope.put("time", OffsetDateTime.now().toString());
        envelope.put("subject", subject);
        envelope.put("schemaVersion", 1);
        envelope.set("data", data);
        return envelope.toString();
    }

    public static ObjectNode data() {
        return JSON.createObjectNode();
    }
}
