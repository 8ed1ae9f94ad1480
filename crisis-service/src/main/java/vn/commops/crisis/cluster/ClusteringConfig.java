package vn.commops.crisis.cluster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "commops.crisis.clustering")
public interface ClusteringConfig {

    /** Trigram similarity (0–1) of folded texts from which two items are near-duplicates. */
    @WithDefault("0.55")
    double threshold();

    /** How far apart in time an item may be from a cluster's items and still join it. */
    @WithDefault("P30D")
    Duration window();
}
