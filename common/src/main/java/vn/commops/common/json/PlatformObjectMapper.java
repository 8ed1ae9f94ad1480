package vn.commops.common.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import vn.commops.contract.StrictJson;

/** What every service's ObjectMapper adds to Quarkus's: the strict input contract and the faster date-time codec. */
@Singleton
public class PlatformObjectMapper implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper objectMapper) {
        StrictJson.apply(objectMapper);
        objectMapper.registerModule(new OffsetDateTimeCodec());
    }
}
