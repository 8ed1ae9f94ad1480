package vn.commops.crisis.signal;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.commops.common.event.QuietWhenStopping;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.crisis.topic.Topic;

/**
 * Looks at the latest window of every series and raises a signal where the volume is unusual for that
 * series at that time of the week. The deepest unit is signalled first; an ancestor only when its
 * volume is unusual beyond what its signalled descendants already explain, so a burst in one commune is
 * one signal, not one per level.
 */
@ApplicationScoped
public class SignalDetector {

    private static final Logger LOG = Logger.getLogger(SignalDetector.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    private final SignalConfig config;
    private final VolumeHistory volumes;
    private final SignalEvents events;
    private final int windowsPerWeek;

    SignalDetector(SignalConfig config, VolumeHistory volumes, SignalEvents events) {
        this.config = config;
        this.volumes = volumes;
        this.events = events;
        long week = Duration.ofDays(7).toSeconds();
        if (week % config.window().toSeconds() != 0) {
            throw new IllegalStateException("commops.crisis.signals.window must divide a week evenly");
        }
        this.windowsPerWeek = (int) (week / config.window().toSeconds());
    }

    @QuietWhenStopping
    @Scheduled(identity = "crisis-signal-scan", every = "${commops.crisis.signals.scan-interval:30s}",
            delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduledScan() {
        List<CrisisSignal> raised = scan(OffsetDateTime.now(ZoneOffset.UTC));
        if (!raised.isEmpty()) {
            LOG.infof("Raised %d crisis signal(s)", raised.size());
        }
    }

    /** One pass over the window ending now; returns the signals raised. */
    @Transactional
    public List<CrisisSignal> scan(OffsetDateTime now) {
        // One detector at a time across instances, so a burst is signalled once.
        boolean mine = (Boolean) Panache.getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(hashtext('crisis-signal-scan'))").getSingleResult();
        if (!mine) {
            return List.of();
        }
        Duration window = config.window();
        Map<Series, Long> current = volumes.currentWindow(now, window);
        List<CrisisSignal> explaining = new ArrayList<>(CrisisSignal.<CrisisSignal>list("windowEnd > ?1",
                now.minus(config.cooldown())));
        List<CrisisSignal> raised = new ArrayList<>();
        List<Series> deepestFirst = current.keySet().stream()
                .sorted(Comparator.comparingInt(Series::depth).reversed().thenComparing(Series::unitPath)).toList();
        for (Series series : deepestFirst) {
            long volume = current.get(series);
            if (volume < config.minVolume() || inCooldown(series, explaining)) {
                continue;
            }
            long residual = volume - Math.round(explainedBelow(series, explaining));
            if (residual < config.minVolume()) {
                continue;
            }
            int windows = windowsPerWeek * config.weeks() + config.neighbourWindows() + 1;
            long[] history = volumes.history(series, now, window, windows);
            SeasonalBaseline baseline = SeasonalBaseline.of(history, windowsPerWeek, config.weeks(),
                    config.neighbourWindows(), 0);
            double score = baseline.score(residual);
            if (score < config.threshold()) {
                continue;
            }
            CrisisSignal signal = raise(series, now, residual, baseline, score);
            raised.add(signal);
            explaining.add(signal);
        }
        return raised;
    }

    private CrisisSignal raise(Series series, OffsetDateTime now, long volume, SeasonalBaseline baseline,
            double score) {
        CrisisSignal signal = new CrisisSignal();
        signal.id = UUID.randomUUID();
        signal.topicCode = series.topicCode();
        signal.orgUnitCode = series.unitCode();
        signal.orgUnitPath = series.unitPath();
        signal.windowEnd = now;
        signal.windowStart = now.minus(config.window());
        signal.volume = (int) volume;
        signal.baseline = round(baseline.median());
        signal.score = round(score);
        signal.explanation = explain(signal, baseline);
        signal.raisedAt = OffsetDateTime.now(ZoneOffset.UTC);
        signal.persist();
        events.raised(signal);
        return signal;
    }

    private String explain(CrisisSignal signal, SeasonalBaseline baseline) {
        Topic topic = Topic.findById(signal.topicCode);
        KnownOrgUnit unit = KnownOrgUnit.findById(signal.orgUnitCode);
        return String.format(Locale.ROOT, "%d feedback items on %s (%s) in %s (%s) between %s and %s, against a usual "
                        + "%.1f for this time of the week (median of %d windows: the same time ±%d in the previous %d "
                        + "weeks, spread %.1f); robust z-score %.1f",
                signal.volume, topic == null ? signal.topicCode : topic.nameVi, signal.topicCode,
                unit == null ? signal.orgUnitCode : unit.name, signal.orgUnitCode,
                TIME.format(signal.windowStart.withOffsetSameInstant(ZoneOffset.UTC)),
                TIME.format(signal.windowEnd.withOffsetSameInstant(ZoneOffset.UTC)), baseline.median(),
                baseline.samples(), config.neighbourWindows(), config.weeks(), baseline.spread(), signal.score);
    }

    private static boolean inCooldown(Series series, List<CrisisSignal> recent) {
        return recent.stream().anyMatch(s -> s.topicCode.equals(series.topicCode())
                && s.orgUnitPath.equals(series.unitPath()));
    }

    /** The excess over baseline that signals of units below this one already account for. */
    private static double explainedBelow(Series series, List<CrisisSignal> signals) {
        return signals.stream()
                .filter(s -> new Series(s.topicCode, s.orgUnitPath).isBelow(series))
                .mapToDouble(s -> Math.max(0, s.volume - s.baseline))
                .sum();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
