package vn.commops.gateway.downstream;

import java.net.URI;
import java.util.List;
import vn.commops.gateway.GatewayConfig;

/**
 * A service behind the gateway: where it listens and which public path prefixes it owns.
 *
 * @param basePath put before every forwarded path, empty when the service sits at the root of its host
 */
public record Downstream(String name, String host, int port, boolean ssl, String basePath, List<String> prefixes,
        String openapiPath, String readinessPath) {

    public Downstream {
        prefixes = List.copyOf(prefixes);
    }

    static Downstream of(String name, GatewayConfig.Service service) {
        URI url = service.url();
        if (url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException(
                    "commops.gateway.services." + name + ".url must be an http(s) URL with a host, not " + url);
        }
        boolean ssl = "https".equals(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80;
        String basePath = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
        return new Downstream(name, url.getHost(), port, ssl, basePath, service.prefixes(), service.openapiPath(),
                service.readinessPath());
    }

    /** How problems and logs name it: "plan service". */
    public String title() {
        return name + " service";
    }

    /** The request target on the service for a target received by the gateway. */
    public String targetFor(String uri) {
        return basePath + uri;
    }
}
