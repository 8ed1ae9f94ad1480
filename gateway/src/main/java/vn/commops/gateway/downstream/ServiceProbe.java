package vn.commops.gateway.downstream;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.commops.gateway.GatewayConfig;

/**
 * Small GET calls the gateway makes on its own behalf (OpenAPI documents, readiness), on a client
 * of their own so that they never queue behind proxied traffic, and with a short deadline.
 */
@ApplicationScoped
public class ServiceProbe {

    /** What a service answered. */
    public record Answer(int status, Buffer body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final long timeoutMillis;

    ServiceProbe(Vertx vertx, GatewayConfig config) {
        this.timeoutMillis = config.openapi().fetchTimeout().toMillis();
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setConnectTimeout((int) timeoutMillis).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(4));
    }

    /** GETs a path of the instance; fails only when the instance cannot be reached or stays silent. */
    public Future<Answer> get(Instance instance, String pathAndQuery) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(instance.host())
                .setPort(instance.port())
                .setSsl(instance.ssl())
                .setURI(instance.targetFor(pathAndQuery))
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis)
                .putHeader("Accept", "application/json");
        return client.request(request)
                .compose(outgoing -> outgoing.send())
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body)));
    }

    /**
     * GETs a path of the first of these instances that answers with a success, asking them one after
     * the other; the last one's answer or failure when none does.
     */
    public Future<Answer> firstSuccess(List<Instance> inOrder, String pathAndQuery) {
        return firstSuccess(inOrder, 0, pathAndQuery);
    }

    private Future<Answer> firstSuccess(List<Instance> inOrder, int index, String pathAndQuery) {
        Future<Answer> answer = get(inOrder.get(index), pathAndQuery);
        if (index == inOrder.size() - 1) {
            return answer;
        }
        return answer.transform(asked -> asked.succeeded() && asked.result().ok() ? answer
                : firstSuccess(inOrder, index + 1, pathAndQuery));
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
