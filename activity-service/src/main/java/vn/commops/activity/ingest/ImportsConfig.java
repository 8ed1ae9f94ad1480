package vn.commops.activity.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "commops.imports")
public interface ImportsConfig {

    /** Records per transaction of an import job: the size of one batch. */
    @WithDefault("10000")
    int chunkSize();

    /** Records one import may hold. */
    @WithDefault("2000000")
    int maxRecords();

    /** How often idle instances look for queued jobs (read by the scheduler's expression). */
    @WithDefault("2s")
    Duration pollInterval();

    /**
     * How long a running job may go without finishing a chunk before another instance takes it
     * over, as left by an instance that stopped: far longer than a chunk takes.
     */
    @WithDefault("10m")
    Duration lease();
}
