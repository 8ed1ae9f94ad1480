package vn.commops.gateway.traffic;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import vn.commops.gateway.GatewayConfig;

/**
 * Decides, just before an answer under {@code /api/} goes out, whether the server gzips it for a
 * client that accepts gzip. Quarkus makes that decision in a route of its own (order 0), which the
 * proxied routes end before reaching; without this, every proxied answer would be compressed,
 * images and event streams included. An answer a service already encoded is left as it is.
 */
final class ResponseCompression implements Handler<RoutingContext> {

    private final Set<String> mediaTypes;
    private final long minBytes;

    ResponseCompression(GatewayConfig.Compression config) {
        this.mediaTypes = config.mediaTypes().stream().map(type -> type.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.minBytes = config.minSize().asLongValue();
    }

    @Override
    public void handle(RoutingContext rc) {
        rc.addHeadersEndHandler(ignored -> decide(rc.response().headers()));
        rc.next();
    }

    void decide(MultiMap headers) {
        if (headers.contains(HttpHeaders.CONTENT_ENCODING)) {
            return;
        }
        if (!worthCompressing(headers.get(HttpHeaders.CONTENT_TYPE), headers.get(HttpHeaders.CONTENT_LENGTH))) {
            // "identity" tells the server's compressor to leave the body alone; it is not sent.
            headers.set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        }
    }

    boolean worthCompressing(String contentType, String contentLength) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim()
                .toLowerCase(Locale.ROOT);
        return mediaTypes.contains(mediaType) && (contentLength == null || length(contentLength) >= minBytes);
    }

    private static long length(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
