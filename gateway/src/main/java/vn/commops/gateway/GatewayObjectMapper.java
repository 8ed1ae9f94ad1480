package vn.commops.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import vn.commops.contract.StrictJson;

/**
 * The gateway's own bodies are read by the platform's input contract, as the services read theirs:
 * a value is taken as sent or refused, naming the field. The same mapper reads the services' OpenAPI
 * documents, as trees (about a dozen levels deep, within the contract's bound).
 */
@Singleton
public class GatewayObjectMapper implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        StrictJson.apply(mapper);
    }
}
