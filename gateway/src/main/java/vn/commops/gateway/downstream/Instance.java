package vn.commops.gateway.downstream;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * One running copy of a service, at one base URL. A service has one or more; the gateway spreads
 * requests over those that are ready and not cut off.
 *
 * @param basePath put before every forwarded path, empty when the instance sits at the root of its host
 */
public record Instance(String service, String host, int port, boolean ssl, String basePath) {

    /**
     * @param setting the configuration key the URL was read from, named when the URL is not usable:
     *        the gateway must not start with a service it cannot call
     */
    static Instance parse(String service, String url, String setting) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(setting + " holds '" + url + "', which is not a URL: " + e.getReason());
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(setting + " must list http(s) URLs with a host, not '" + url + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(setting + " holds '" + url + "': a base URL takes no query or fragment");
        }
        boolean ssl = "https".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        String basePath = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return new Instance(service, uri.getHost(), port, ssl, basePath);
    }

    /** How health data and metrics name it among the service's instances: {@code 10.0.0.7:8081}. */
    public String address() {
        return host + ":" + port + basePath;
    }

    /** How problems and logs name it: "plan service at 10.0.0.7:8081". */
    public String title() {
        return service + " service at " + address();
    }

    /** The base URL, for clients that take one. */
    public String url() {
        return (ssl ? "https://" : "http://") + address();
    }

    /** The request target on the instance for a target received by the gateway. */
    public String targetFor(String uri) {
        return basePath + uri;
    }
}
