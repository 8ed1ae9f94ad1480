package vn.commops.common.privacy;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code commops.privacy} settings every service holding contacts shares. Each service's mapping extends it
 * with its own retention period, whose key names its contacts.
 */
public interface PrivacySettings {

    /** How often the retention job looks for contacts past their period (the @Scheduled interval reads the same key). */
    @WithDefault("1h")
    Duration retentionCheckInterval();

    /** Contacts one retention transaction anonymises; the job runs transactions until none are left. */
    @WithDefault("5000")
    int retentionBatchSize();

    /**
     * The secret that keys the hash of an erased person's identifier (HMAC-SHA256). Unset, erasures are
     * recorded without it and a later request from the same person cannot be matched to them.
     */
    Optional<String> subjectKey();
}
