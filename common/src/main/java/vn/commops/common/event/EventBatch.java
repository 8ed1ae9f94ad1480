package vn.commops.common.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import vn.commops.common.problem.DatabaseFailures;

/**
 * A poll's worth of records applied in one transaction, so a burst costs one commit and a handful of
 * set-based statements, while a lone record is a batch of one and waits for nothing. A database outage
 * fails the whole batch back to {@code RetriedWhileDatabaseDown}, which applies it again in place. Any
 * other failure falls back to one transaction a record, in order: the records that apply are acknowledged,
 * and only a record that still fails is nacked on its own, which sends it (and no other) to the dead-letter
 * topic. Applying twice changes nothing (the inbox), so a batch retried after a partial fallback is safe.
 */
public final class EventBatch {

    private static final Logger LOG = Logger.getLogger(EventBatch.class);

    private EventBatch() {
    }

    public static CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch, Consumer<List<String>> applyAll) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        try {
            QuarkusTransaction.requiringNew().run(() -> applyAll.accept(records.stream().map(KafkaRecord::getPayload)
                    .toList()));
            return batch.ack();
        } catch (RuntimeException batchFailed) {
            if (retriedWhole(batchFailed)) {
                throw batchFailed;
            }
            LOG.warnf("A batch of %d activity events failed (%s); applying them one by one", records.size(),
                    DatabaseFailures.rootMessage(batchFailed));
        }
        Map<KafkaRecord<String, String>, RuntimeException> poison = new LinkedHashMap<>();
        for (KafkaRecord<String, String> record : records) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyAll.accept(List.of(record.getPayload())));
            } catch (RuntimeException e) {
                if (retriedWhole(e)) {
                    throw e; // nothing nacked yet: the whole batch comes again, the applied part changing nothing
                }
                LOG.errorf(e, "Cannot apply activity event (key %s, partition %d): %s", record.getKey(),
                        record.getPartition(), e.getMessage());
                poison.put(record, e);
            }
        }
        // In offset order, each record settled once: acknowledged, or sent alone to the dead-letter topic
        List<CompletableFuture<Void>> settled = new ArrayList<>();
        for (KafkaRecord<String, String> record : records) {
            RuntimeException failure = poison.get(record);
            settled.add((failure == null ? record.ack() : record.nack(failure)).toCompletableFuture());
        }
        return CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new));
    }

    /** A passing outage, or the process stopping under the batch: no fault of any record in it. */
    private static boolean retriedWhole(RuntimeException failure) {
        return DatabaseFailures.isPassingOutage(failure) || DatabaseFailures.failedAtCommit(failure)
                || ProcessShutdown.underway();
    }
}
