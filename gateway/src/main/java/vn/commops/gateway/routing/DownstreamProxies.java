package vn.commops.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import vn.commops.gateway.GatewayConfig;
import vn.commops.gateway.balancing.Balancer;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.downstream.Downstreams;
import vn.commops.gateway.downstream.Instance;
import vn.commops.gateway.downstream.InstanceMetrics;
import vn.commops.gateway.problem.ProblemWriter;

/**
 * Streaming reverse proxies, one per service: bodies flow through chunk by chunk in both directions,
 * with back-pressure, and are never held whole in memory (short bodies of repeatable requests
 * excepted, see {@link RequestReplay}). Each request goes to one of the service's instances, picked
 * by the exchange; the client keeps a pool of connections per instance.
 *
 * <p>Each event loop has its own connection-pooling client and proxies. A pool shared by all event
 * loops hands a request a connection that another loop owns, and every read and write of that
 * exchange then hops between the two threads: measured, those hops cost the gateway more than the
 * proxying itself. With a client per loop, a request and its connection to the service stay on the
 * thread that accepted it; so does the turn that picks its instance, which each loop counts for itself.
 */
@ApplicationScoped
public class DownstreamProxies {

    private final Vertx vertx;
    private final Downstreams downstreams;
    private final Balancer balancer;
    private final InstanceMetrics metrics;
    private final GatewayConfig config;
    private final ProblemWriter problems;
    private final ThreadLocal<Map<String, HttpProxy>> proxiesOfThisLoop = ThreadLocal.withInitial(this::newProxies);
    private final Queue<HttpClient> clients = new ConcurrentLinkedQueue<>();

    DownstreamProxies(Vertx vertx, Downstreams downstreams, Balancer balancer, InstanceMetrics metrics,
            GatewayConfig config, ProblemWriter problems) {
        this.vertx = vertx;
        this.downstreams = downstreams;
        this.balancer = balancer;
        this.metrics = metrics;
        this.config = config;
        this.problems = problems;
    }

    /** Called on the event loop that accepted the request. */
    void forward(Downstream downstream, HttpServerRequest request) {
        proxiesOfThisLoop.get().get(downstream.name()).handle(request);
    }

    private Map<String, HttpProxy> newProxies() {
        long connectMillis = config.connectTimeout().toMillis();
        long responseMillis = config.responseTimeout().toMillis();
        HttpClient client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setConnectTimeout((int) connectMillis),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService())
                        .setMaxWaitQueueSize(config.maxQueuedPerService()));
        clients.add(client);
        Map<String, HttpProxy> proxies = new HashMap<>();
        for (Downstream downstream : downstreams.all()) {
            Map<Instance, RequestOptions> targets = new HashMap<>();
            for (Instance instance : downstream.instances()) {
                targets.put(instance, new RequestOptions()
                        .setHost(instance.host())
                        .setPort(instance.port())
                        .setSsl(instance.ssl())
                        .setConnectTimeout(connectMillis)
                        .setIdleTimeout(responseMillis));
            }
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                    .origin(context -> {
                        // Asked once per attempt: the exchange names the instance before each.
                        Instance instance = context.get(DownstreamExchange.INSTANCE, Instance.class);
                        return context.client().request(new RequestOptions(targets.get(instance)))
                                .onSuccess(origin -> DownstreamExchange.originObtained(context, origin));
                    })
                    .addInterceptor(new DownstreamExchange(downstream, balancer, metrics,
                            config.maxBodySize().asLongValue(), responseMillis, problems));
            proxies.put(downstream.name(), proxy);
        }
        return proxies;
    }

    @PreDestroy
    void close() {
        clients.forEach(HttpClient::close);
    }
}
