package vn.commops.crisis.signal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "commops.crisis.signals")
public interface SignalConfig {

    /** How often the detector looks at the latest window (the @Scheduled interval reads the same key). */
    @WithDefault("30s")
    Duration scanInterval();

    /** The volume window; a week must be a whole number of windows (1 hour, 2, 3, 4, 6, 8, 12, 24…). */
    @WithDefault("PT1H")
    Duration window();

    /** Weeks of history the seasonal baseline is taken from. */
    @WithDefault("4")
    int weeks();

    /** Windows either side of the same hour of the week that also count toward the baseline. */
    @WithDefault("2")
    int neighbourWindows();

    /** Below this many items in the window nothing is signalled, however quiet the series usually is. */
    @WithDefault("8")
    int minVolume();

    /** The robust z-score from which the volume is unusual. */
    @WithDefault("4.0")
    double threshold();

    /** After a signal, the same topic and unit are not signalled again for this long. */
    @WithDefault("PT1H")
    Duration cooldown();
}
