package vn.commops.plan.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "commops.demo")
public interface DemoConfig {

    /** Load the demo hierarchy at startup (idempotent by code); off in production. */
    @WithDefault("false")
    boolean enabled();

    /** Classpath resource holding the demo hierarchy as a JSON array of units. */
    @WithDefault("demo/org-hierarchy.json")
    String hierarchy();
}
