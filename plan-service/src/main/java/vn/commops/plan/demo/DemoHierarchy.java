package vn.commops.plan.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.jboss.logging.Logger;
import vn.commops.plan.orgunit.OrgUnitImport;
import vn.commops.plan.orgunit.OrgUnitRequest;

/**
 * Loads a small real-looking hierarchy (post-2025: national, provinces, communes) when the demo is
 * switched on. It goes through the import, so a restart finds every unit unchanged and publishes nothing.
 */
@ApplicationScoped
public class DemoHierarchy {

    private static final Logger LOG = Logger.getLogger(DemoHierarchy.class);

    private final DemoConfig config;
    private final OrgUnitImport importer;
    private final ObjectMapper json;

    DemoHierarchy(DemoConfig config, OrgUnitImport importer, ObjectMapper json) {
        this.config = config;
        this.importer = importer;
        this.json = json;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.enabled()) {
            load();
        }
    }

    public OrgUnitImport.Report load() {
        List<OrgUnitRequest> units = read(config.hierarchy());
        // Startup is trusted: there is no caller, and the file ships with the service.
        OrgUnitImport.Report report = importer.importUnits(units, path -> true, "demo-loader");
        LOG.infof("Demo hierarchy: %d created, %d updated, %d unchanged, %d rejected", report.created(),
                report.updated(), report.unchanged(), report.rejected());
        report.rows().stream().filter(row -> row.outcome() == OrgUnitImport.Outcome.REJECTED)
                .forEach(row -> LOG.warnf("Demo unit %s rejected: %s", row.code(), row.errors()));
        return report;
    }

    private List<OrgUnitRequest> read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Demo hierarchy " + resource + " is not on the classpath");
            }
            return json.readValue(in, new TypeReference<List<OrgUnitRequest>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("Demo hierarchy " + resource + " cannot be read", e);
        }
    }
}
