package vn.commops.crisis.signal;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import vn.commops.common.api.PageOf;
import vn.commops.common.api.PageRequest;
import vn.commops.common.api.Sorting;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.ProblemException;
import vn.commops.crisis.orgunit.Subtree;
import vn.commops.crisis.topic.TopicService;

@ApplicationScoped
public class SignalService {

    private static final Map<String, String> SORTABLE = Map.of("raisedAt", "raisedAt", "score", "score",
            "volume", "volume");
    /** How much of the recent level (actual against usual) carries over to each next window. */
    private static final double LEVEL_DECAY = 0.85;

    private final SignalConfig config;
    private final VolumeHistory volumes;

    SignalService(SignalConfig config, VolumeHistory volumes) {
        this.config = config;
        this.volumes = volumes;
    }

    /** Signals newest first; {@code orgUnit} takes the unit's whole subtree. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<SignalView> list(String topicCode, String orgUnit, OffsetDateTime since, PageRequest paging) {
        PanacheQuery<CrisisSignal> query = query(topicCode, orgUnit, since, paging.sort).get();
        List<SignalView> items = query.page(Page.of(paging.page, paging.size)).list().stream().map(SignalView::of).toList();
        return new PageOf<>(items, paging.page, paging.size, query.count());
    }

    /** The list's query, its sort checked now and built when asked: an export runs it in its own transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Supplier<PanacheQuery<CrisisSignal>> query(String topicCode, String orgUnit, OffsetDateTime since,
            String sortParameter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (topicCode != null) {
            conditions.add("topicCode = :topic");
            parameters.put("topic", topicCode);
        }
        if (orgUnit != null) {
            conditions.add("(orgUnitCode = :unit or orgUnitPath like :below)");
            parameters.put("unit", orgUnit);
            parameters.put("below", Subtree.containing(orgUnit));
        }
        if (since != null) {
            conditions.add("raisedAt >= :since");
            parameters.put("since", since);
        }
        Sort sort = Sorting.of(sortParameter, SORTABLE, Sort.descending("raisedAt"));
        return () -> conditions.isEmpty() ? CrisisSignal.<CrisisSignal>findAll(sort)
                : CrisisSignal.<CrisisSignal>find(String.join(" and ", conditions), sort, parameters);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SignalView get(UUID id) {
        return SignalView.of(require(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public static CrisisSignal require(UUID id) {
        return CrisisSignal.<CrisisSignal>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Crisis signal", id.toString()));
    }

    /**
     * The seasonal baseline of each coming window, scaled by how far the last day ran above or below its
     * own baseline, that deviation fading window by window; the range is a Poisson-like band around it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ForecastView forecast(String topicCode, String orgUnit, int windowsAhead) {
        TopicService.requireKnown(topicCode, "topic");
        KnownOrgUnit unit = KnownOrgUnit.<KnownOrgUnit>findByIdOptional(orgUnit)
                .orElseThrow(() -> ProblemException.invalidField("unknown-org-unit", "orgUnit", "no org unit '" + orgUnit + "'"));
        Duration window = config.window();
        int windowsPerWeek = (int) (Duration.ofDays(7).toSeconds() / window.toSeconds());
        int recent = (int) Math.max(1, Duration.ofDays(1).toSeconds() / window.toSeconds());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long[] history = volumes.history(new Series(topicCode, unit.path), now, window,
                windowsPerWeek * config.weeks() + config.neighbourWindows() + recent + 1);
        double actual = 0;
        double usual = 0;
        for (int back = 0; back < recent; back++) {
            actual += history[back];
            usual += SeasonalBaseline.of(history, windowsPerWeek, config.weeks(), config.neighbourWindows(), -back)
                    .median();
        }
        double level = Math.min(3, Math.max(0.5, (actual + 1) / (usual + 1)));
        List<ForecastView.Point> points = new ArrayList<>();
        for (int ahead = 1; ahead <= windowsAhead; ahead++) {
            double seasonal = SeasonalBaseline.of(history, windowsPerWeek, config.weeks(), config.neighbourWindows(),
                    ahead).median();
            double expected = seasonal * (1 + (level - 1) * Math.pow(LEVEL_DECAY, ahead));
            double band = 2 * Math.sqrt(Math.max(expected, 1));
            OffsetDateTime start = now.plus(window.multipliedBy(ahead - 1));
            points.add(new ForecastView.Point(start, start.plus(window), round(expected),
                    round(Math.max(0, expected - band)), round(expected + band)));
        }
        String method = String.format(Locale.ROOT, "Median of the same time of the week ±%d windows over the "
                + "previous %d weeks, times the last day's level against its usual (%.2f) fading by %.2f a window",
                config.neighbourWindows(), config.weeks(), level, LEVEL_DECAY);
        return new ForecastView(topicCode, unit.code, now, method, points);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
