package vn.commops.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemTexts;
import vn.commops.contract.problem.ProblemLanguage;

/**
 * Overload answered at once: an API request beyond {@code commops.http.max-concurrent-requests} under
 * way is refused with 503 and {@code Retry-After} before it takes a worker thread, instead of waiting
 * behind the others for a database connection until it times out seconds later. What was admitted is
 * carried out. The limit bounds the queue in front of the connection pool: with the pool's 16
 * connections, 48 requests under way wait at most about two requests' time each. Health, metrics and
 * the OpenAPI document ({@code /q/...}) are never refused.
 */
@ApplicationScoped
public class RequestAdmission {

    /** Just after the HTTP layer's own checks ({@link HttpLayerProblems}). */
    static final int ORDER = HttpLayerProblems.ORDER + 1;
    static final String RETRY_AFTER_SECONDS = "1";

    private final InFlight inFlight;
    private final ObjectMapper json;
    private final Counter refused;

    RequestAdmission(@ConfigProperty(name = "commops.http.max-concurrent-requests", defaultValue = "48") int limit,
            ObjectMapper json, MeterRegistry registry) {
        this.inFlight = new InFlight(limit);
        this.json = json;
        this.refused = Counter.builder("commops.http.requests.refused")
                .description("API requests refused with 503 because as many as the service takes were under way")
                .register(registry);
        registry.gauge("commops.http.requests.in.flight", inFlight.count);
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::admit);
    }

    private void admit(RoutingContext rc) {
        if (!inFlight.tryEnter()) {
            refused.increment();
            refuse(rc);
            return;
        }
        rc.addEndHandler(ended -> inFlight.leave());
        rc.next();
    }

    private void refuse(RoutingContext rc) {
        String detail = "The service has " + inFlight.limit + " requests under way, as many as it takes at once; "
                + "retry after the delay in Retry-After";
        Locale language = ProblemLanguage.of(rc.request().getHeader("Accept-Language"));
        Problem problem = new Problem(Problem.type("overloaded"),
                ProblemTexts.title(language, "overloaded", 503, "Service temporarily unavailable"), 503,
                ProblemTexts.detail(language, "overloaded", detail, String.valueOf(inFlight.limit)),
                rc.request().path().length() > 200 ? null : rc.request().path(), List.of());
        rc.response().setStatusCode(503).putHeader("Retry-After", RETRY_AFTER_SECONDS)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Content-Language", ProblemLanguage.tag(language)).putHeader("Vary", "Accept-Language");
        try {
            rc.response().end(Buffer.buffer(json.writeValueAsBytes(problem)));
        } catch (JsonProcessingException e) {
            rc.response().end();
        }
    }

    /** Requests under way, never more than the limit. */
    static final class InFlight {

        final int limit;
        final AtomicInteger count = new AtomicInteger();

        InFlight(int limit) {
            this.limit = limit;
        }

        boolean tryEnter() {
            for (int now = count.get(); now < limit; now = count.get()) {
                if (count.compareAndSet(now, now + 1)) {
                    return true;
                }
            }
            return false;
        }

        void leave() {
            count.decrementAndGet();
        }
    }
}
