package vn.commops.activity.evidence;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/** PostgreSQL unless a bucket is configured: the platform runs with no other server, and scales out to one. */
@ApplicationScoped
class EvidenceStores {

    @Produces
    @ApplicationScoped
    @DefaultBean
    EvidenceStore store(EvidenceConfig config, DataSource dataSource) {
        if (config.s3().bucket().filter(b -> !b.isBlank()).isPresent()) {
            return new S3EvidenceStore(config.s3());
        }
        return new PostgresEvidenceStore(dataSource, (int) config.chunkSize().asLongValue());
    }

    void close(@Disposes EvidenceStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
