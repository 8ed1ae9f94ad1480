package vn.commops.activity.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The faster date-time codec, for this service only: the bulk path reads and writes thousands of
 * {@code OffsetDateTime}s a batch (docs/performance.md), the other services too few for it to matter.
 * Applied after common's PlatformObjectMapper (lower priority), as it was when that registered it.
 */
@Singleton
public class ActivityObjectMapper implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper objectMapper) {
        objectMapper.registerModule(new OffsetDateTimeCodec());
    }

    @Override
    public int priority() {
        return DEFAULT_PRIORITY - 1;
    }
}
