package vn.commops.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the gateway with Quarkus' own URL check turned off, because the gateway makes the same check
 * itself ({@code routing.RequestChecks}, the first route after the request id) and answers a URL that fails it with a
 * problem document: Quarkus answers it before any route, with an empty 400. The switch is a system
 * property read once when Quarkus' HTTP layer loads, so it must be set before Quarkus starts; the
 * tests set it in the build (surefire), as they do not start through this class.
 */
@QuarkusMain
public final class GatewayMain {

    /** Read by Quarkus' root HTTP handler: when true, it leaves {@code new URI(request.uri())} to the application. */
    public static final String OWN_URI_VALIDATION = "vertx.disableURIValidation";

    private GatewayMain() {
    }

    public static void main(String... args) {
        System.setProperty(OWN_URI_VALIDATION, "true");
        Quarkus.run(args);
    }
}
