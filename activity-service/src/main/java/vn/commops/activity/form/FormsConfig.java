package vn.commops.activity.form;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "commops.forms")
public interface FormsConfig {

    /**
     * How old the in-memory catalogue may grow before a read reloads it. The instance that applies a
     * catalogue event reloads at once; the others (one consumer group, so they do not see the event) within this.
     */
    @WithDefault("30s")
    Duration refresh();
}
