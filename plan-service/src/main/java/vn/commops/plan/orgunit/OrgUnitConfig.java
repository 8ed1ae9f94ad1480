package vn.commops.plan.orgunit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

@ConfigMapping(prefix = "commops.org-units")
public interface OrgUnitConfig {

    /** The zone whose calendar day decides whether a dated reorganisation has taken effect. */
    @WithDefault("Asia/Ho_Chi_Minh")
    ZoneId zone();

    Reorganisations reorganisations();

    interface Reorganisations {

        /**
         * How often the job looks for pending reorganisations whose day has come (and at startup, so that
         * days missed while no instance ran are caught up). A change takes effect at most this long after
         * midnight of its effective date.
         */
        @WithDefault("10m")
        String applyEvery();
    }
}
