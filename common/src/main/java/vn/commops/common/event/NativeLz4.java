package vn.commops.common.event;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.util.Native;
import org.jboss.logging.Logger;

/**
 * Gives Kafka's LZ4 (the relay's compression, every consumer's decompression) lz4-java's native
 * codec. lz4-java loads its JNI library by itself only when it was loaded by the system class
 * loader, which a Quarkus application's classes are not; otherwise it settles for its slowest
 * pure-Java codec, which took a sixteenth of activity-service's CPU on bulk loads. Loaded once
 * here, before any Kafka client compresses, it is what LZ4Factory.fastestInstance() then returns.
 */
@ApplicationScoped
class NativeLz4 {

    private static final Logger LOG = Logger.getLogger(NativeLz4.class);

    void load(@Observes StartupEvent started) {
        try {
            Native.load();
            LOG.debugf("LZ4 codec: %s", LZ4Factory.fastestInstance());
        } catch (Throwable unavailable) {
            // no native build for this platform, or no writable temp directory to unpack it into
            LOG.infof("LZ4 runs in Java (%s): %s", LZ4Factory.fastestInstance(), unavailable.getMessage());
        }
    }
}
