package vn.commops.plan.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "commops.notifications")
public interface NotificationConfig {

    /** How often the sender looks for notifications due (read by its schedule). */
    @WithDefault("5s")
    String sendInterval();

    /** Notifications one sending pass takes; each is one SMTP conversation. */
    @WithDefault("20")
    int batchSize();

    /** The wait after a first failed attempt; it doubles with each failure up to {@link #retryMax()}. */
    @WithDefault("PT30S")
    Duration retryBase();

    @WithDefault("PT1H")
    Duration retryMax();

    /** Attempts before a notification is given up as FAILED (kept for operations to look at). */
    @WithDefault("20")
    int maxAttempts();
}
