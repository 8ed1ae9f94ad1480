package vn.commops.gateway.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature the gateway has already checked, until they expire: a client sends the
 * same token on every call, and an RSA verification per request would cost more than the proxying.
 * Bounded: when full it starts again from empty rather than grow.
 */
final class VerifiedTokens {

    private final ConcurrentHashMap<String, Long> expiryByToken = new ConcurrentHashMap<>();
    private final int capacity;

    VerifiedTokens(int capacity) {
        this.capacity = capacity;
    }

    boolean isVerified(String token, long nowEpochSeconds) {
        Long expiry = expiryByToken.get(token);
        if (expiry == null) {
            return false;
        }
        if (expiry <= nowEpochSeconds) {
            expiryByToken.remove(token);
            return false;
        }
        return true;
    }

    void remember(String token, long expiryEpochSeconds) {
        if (expiryByToken.size() >= capacity) {
            expiryByToken.clear();
        }
        expiryByToken.put(token, expiryEpochSeconds);
    }
}
