package vn.commops.plan.assignment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

@ConfigMapping(prefix = "commops.assignments")
public interface AssignmentConfig {

    /** The zone whose calendar days due dates and elapsed time are counted in. */
    @WithDefault("Asia/Ho_Chi_Minh")
    ZoneId zone();
}
