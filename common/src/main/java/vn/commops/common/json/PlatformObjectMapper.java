package vn.commops.common.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import vn.commops.contract.StrictJson;

/**
 * What every service's ObjectMapper adds to Quarkus's: the strict input contract. activity-service adds its
 * faster date-time codec after this ({@code vn.commops.activity.json.ActivityObjectMapper}).
 */
@Singleton
public class PlatformObjectMapper implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper objectMapper) {
        StrictJson.apply(objectMapper);
    }
}
