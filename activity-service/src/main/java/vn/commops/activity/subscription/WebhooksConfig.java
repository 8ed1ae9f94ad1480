package vn.commops.activity.subscription;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "commops.webhooks")
public interface WebhooksConfig {

    /**
     * Base64 of a 256-bit AES key that encrypts the subscriptions' signing secrets at rest. Without it no
     * subscription can be created or signed for (503), so that no secret is ever stored in clear.
     */
    Optional<String> secretKey();

    /** Whether a target may be plain http (local receivers, tests); otherwise https only. */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * Whether a target may resolve to a loopback, private, link-local or otherwise internal address. Off in
     * production, so that a subscription cannot make this service call into the agency's own network (SSRF).
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** How long one delivery may take, connection included, before it counts as failed. */
    @WithDefault("10s")
    Duration timeout();

    /** Deliveries sent at once by one instance, across all subscriptions. */
    @WithDefault("8")
    int senders();

    /** Deliveries of one subscription sent at once by one instance: a slow receiver holds no more senders. */
    @WithDefault("2")
    int sendersPerSubscription();

    /** Attempts before a delivery is dead-lettered. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait before the second attempt; doubled for each further one, with jitter, up to {@link #maxBackoff()}. */
    @WithDefault("10s")
    Duration initialBackoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /** How often each instance looks for deliveries that are due (read by the scheduler's expression). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long received events and their deliveries are kept for retries, status and replays. */
    @WithDefault("P7D")
    Duration retention();
}
