package vn.commops.activity.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;
import vn.commops.common.privacy.PrivacySettings;

@ConfigMapping(prefix = "commops.privacy")
public interface PrivacyConfig extends PrivacySettings {

    /** How long a communicator's contact is kept after it was taken; then the retention job anonymises it. */
    @WithDefault("P5Y")
    Period communicatorContactRetention();
}
