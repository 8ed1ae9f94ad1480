package vn.commops.activity.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import vn.commops.activity.subscription.DeliveryLedger.Claimed;

/**
 * One attempt of one delivery: the event's envelope as received, signed, POSTed to the target. Redirects are not
 * followed (a redirect could lead inside the network the address check keeps out) and the answer's body is not
 * read.
 */
@ApplicationScoped
public class WebhookSender {

    static final String EVENT_ID = "X-Commops-Event-Id";
    static final String EVENT_TYPE = "X-Commops-Event-Type";
    static final String DELIVERY_ID = "X-Commops-Delivery-Id";
    static final String TIMESTAMP = "X-Commops-Timestamp";
    static final String SIGNATURE = "X-Commops-Signature";

    record Result(boolean delivered, Integer statusCode, String error) {
        static Result failure(Integer statusCode, String error) {
            return new Result(false, statusCode, error);
        }
    }

    private final WebhooksConfig config;
    private final SigningSecrets secrets;
    private final TargetUrls targets;
    private final HttpClient client;

    WebhookSender(WebhooksConfig config, SigningSecrets secrets, TargetUrls targets) {
        this.config = config;
        this.secrets = secrets;
        this.targets = targets;
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Result send(Claimed delivery) {
        URI target = URI.create(delivery.targetUrl());
        Optional<String> refusal = targets.addressRefusal(target.getHost());
        if (refusal.isPresent()) {
            return Result.failure(null, "not sent: " + refusal.get());
        }
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(config.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "commops-webhooks/1")
                .header(EVENT_ID, delivery.eventId().toString())
                .header(EVENT_TYPE, delivery.eventType())
                .header(DELIVERY_ID, delivery.deliveryId().toString())
                .header(TIMESTAMP, Long.toString(timestamp))
                .header(SIGNATURE, WebhookSignature.sign(secrets.decrypt(delivery.secretCiphertext()), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            int status = response.statusCode();
            return status >= 200 && status < 300 ? new Result(true, status, null)
                    : Result.failure(status, "answered HTTP " + status);
        } catch (HttpTimeoutException e) {
            return Result.failure(null, "no answer within " + config.timeout());
        } catch (IOException e) {
            return Result.failure(null, "cannot reach the target: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failure(null, "interrupted while sending (the service was stopping)");
        }
    }
}
