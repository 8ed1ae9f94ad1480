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
import vn.commops.gateway.GatewayConfig;
import vn.commops.gateway.downstream.Downstream;
import vn.commops.gateway.downstream.Downstreams;
import vn.commops.gateway.problem.ProblemWriter;
import vn.commops.gateway.traffic.Circuits;

/**
 * One streaming reverse proxy per service, over one connection-pooling client: bodies flow through
 * chunk by chunk in both directions, with back-pressure, and are never held whole in memory.
 */
@ApplicationScoped
public class DownstreamProxies {

    private final HttpClient client;
    private final Map<String, HttpProxy> proxies = new HashMap<>();

    DownstreamProxies(Vertx vertx, Downstreams downstreams, Circuits circuits, GatewayConfig config,
            ProblemWriter problems) {
        long connectMillis = config.connectTimeout().toMillis();
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setConnectTimeout((int) connectMillis),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService()));
        long responseMillis = config.responseTimeout().toMillis();
        for (Downstream downstream : downstreams.all()) {
            RequestOptions target = new RequestOptions()
                    .setHost(downstream.host())
                    .setPort(downstream.port())
                    .setSsl(downstream.ssl())
                    .setConnectTimeout(connectMillis)
                    .setIdleTimeout(responseMillis);
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                    .origin(context -> context.client().request(new RequestOptions(target))
                            .onSuccess(origin -> DownstreamExchange.originObtained(context, origin)))
                    .addInterceptor(new DownstreamExchange(downstream, circuits.of(downstream),
                            config.maxBodySize().asLongValue(), responseMillis, problems));
            proxies.put(downstream.name(), proxy);
        }
    }

    void forward(Downstream downstream, HttpServerRequest request) {
        proxies.get(downstream.name()).handle(request);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
