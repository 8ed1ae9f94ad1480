package vn.commops.gateway.traffic;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Who a request counts against: its credential (the whole {@code Authorization} value, a bearer token
 * or an {@code ApiKey}), else the address it came from. The credential is kept only as a SHA-256, so
 * the limiter's memory holds no secret. The address is the one Quarkus reports, which follows
 * {@code X-Forwarded-For} only when {@code quarkus.http.proxy.*} trusts the peer that sent it.
 */
final class ClientKey {

    private ClientKey() {
    }

    static String of(HttpServerRequest request) {
        String credential = request.getHeader("Authorization");
        if (credential != null && !credential.isBlank()) {
            return "credential:" + sha256(credential.trim());
        }
        SocketAddress address = request.remoteAddress();
        return "address:" + (address == null ? "unknown" : address.hostAddress());
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
