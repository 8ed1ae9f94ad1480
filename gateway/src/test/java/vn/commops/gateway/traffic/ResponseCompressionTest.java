package vn.commops.gateway.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.GatewayConfig;

class ResponseCompressionTest {

    private final ResponseCompression compression = new ResponseCompression(new GatewayConfig.Compression() {
        @Override
        public List<String> mediaTypes() {
            return List.of("application/json", "application/problem+json");
        }

        @Override
        public MemorySize minSize() {
            return new MemorySize(BigInteger.valueOf(1024));
        }
    });

    @Test
    void jsonOfAWorthwhileSizeIsCompressed() {
        assertTrue(compression.worthCompressing("application/json; charset=UTF-8", "4096"));
        assertTrue(compression.worthCompressing("Application/Problem+JSON", null), "streamed, so of unknown size");
    }

    @Test
    void otherMediaTypesAndSmallAnswersAreLeftAlone() {
        assertFalse(compression.worthCompressing("image/png", "400000"));
        assertFalse(compression.worthCompressing("text/event-stream", null));
        assertFalse(compression.worthCompressing("application/json", "200"));
        assertFalse(compression.worthCompressing(null, "4096"));
    }

    @Test
    void anAnswerTheServiceEncodedKeepsItsEncoding() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "image/png").add("Content-Encoding", "br");

        compression.decide(headers);

        assertEquals("br", headers.get("Content-Encoding"));
    }

    @Test
    void anAnswerNotWorthItIsMarkedForTheServerToLeaveAlone() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "image/png");

        compression.decide(headers);

        assertEquals("identity", headers.get("Content-Encoding"));
    }
}
