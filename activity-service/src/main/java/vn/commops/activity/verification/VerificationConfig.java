package vn.commops.activity.verification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

@ConfigMapping(prefix = "commops.verification")
public interface VerificationConfig {

    /**
     * The share of a review sample that may be rejected, in percent, for the sample to be accepted and
     * the rest of its batch verified. Recorded on each sample when drawn, so a change applies to later
     * samples only.
     */
    @WithDefault("0")
    BigDecimal sampleMaxRejectedPercent();
}
