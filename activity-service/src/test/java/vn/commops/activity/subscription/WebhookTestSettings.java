package vn.commops.activity.subscription;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Webhooks as a developer's machine runs them: a key made for this test run (none is kept in the repository),
 * and receivers on plain http at 127.0.0.1, which production refuses.
 */
@QuarkusTestResource(WebhookTestSettings.class)
public class WebhookTestSettings implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Map.of("commops.webhooks.secret-key", Base64.getEncoder().encodeToString(key),
                "commops.webhooks.allow-http", "true",
                "commops.webhooks.allow-private-targets", "true");
    }

    @Override
    public void stop() {
    }
}
