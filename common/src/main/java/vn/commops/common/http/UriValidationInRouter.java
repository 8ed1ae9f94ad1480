package vn.commops.common.http;

import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;

/**
 * Moves the check that a request's URI is well-formed from Quarkus' outermost handler, which answers
 * a malformed one ({@code %zz}) with an empty 400, to {@link HttpLayerProblems}, which answers it with
 * a problem document. Quarkus reads the switch once, when the HTTP server starts; configuration sources
 * are loaded before that, by the service loader, so this one provides none and only sets the switch.
 */
public class UriValidationInRouter implements ConfigSourceProvider {

    static final String QUARKUS_SWITCH = "vertx.disableURIValidation";

    static {
        System.setProperty(QUARKUS_SWITCH, "true");
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ClassLoader classLoader) {
        return List.of();
    }
}
