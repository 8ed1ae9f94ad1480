package vn.commops.common.export;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "commops.export")
public interface ExportConfig {

    /**
     * Rows fetched from PostgreSQL per round trip, and rows between two clearings of the persistence
     * context: what an export holds in memory at most, whatever the number of rows.
     */
    @WithDefault("1000")
    int fetchSize();

    /** Rows an XLSX export keeps in memory before it writes them on (POI's row access window). */
    @WithDefault("100")
    int xlsxRowWindow();

    /** How long one export's read-only transaction may run: a million rows take minutes on a slow link. */
    @WithDefault("30m")
    Duration timeout();
}
