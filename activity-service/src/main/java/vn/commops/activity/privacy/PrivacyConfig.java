package vn.commops.activity.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Period;
import java.util.Optional;

@ConfigMapping(prefix = "commops.privacy")
public interface PrivacyConfig {

    /** How long a communicator's contact is kept after it was taken; then the retention job anonymises it. */
    @WithDefault("P5Y")
    Period communicatorContactRetention();

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
