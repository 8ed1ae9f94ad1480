package vn.commops.common.testing;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** A poll's worth of records handed straight to a consumer, each remembering whether it was acked or nacked. */
public final class RecordBatchFake implements KafkaRecordBatch<String, String> {

    private final List<KafkaRecord<String, String>> records;

    public RecordBatchFake(String key, String... values) {
        this.records = java.util.Arrays.stream(values).<KafkaRecord<String, String>>map(v -> new Record(key, v)).toList();
    }

    public Record record(int index) {
        return (Record) records.get(index);
    }

    @Override
    public List<KafkaRecord<String, String>> getRecords() {
        return records;
    }

    @Override
    public Map<TopicPartition, KafkaRecord<String, String>> getLatestOffsetRecords() {
        return Map.of(new TopicPartition("activities", 0), records.get(records.size() - 1));
    }

    @Override
    public List<String> getPayload() {
        return records.stream().map(KafkaRecord::getPayload).toList();
    }

    @Override
    public Iterator<KafkaRecord<String, String>> iterator() {
        return records.iterator();
    }

    @Override
    public CompletionStage<Void> ack(Metadata metadata) {
        records.forEach(r -> r.ack(metadata));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> ack() {
        return ack(Metadata.empty());
    }

    @Override
    public CompletionStage<Void> nack(Throwable reason, Metadata metadata) {
        records.forEach(r -> r.nack(reason, metadata));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> nack(Throwable reason) {
        return nack(reason, Metadata.empty());
    }

    public static final class Record implements KafkaRecord<String, String> {

        private final String key;
        private final String value;
        public int acks;
        public int nacks;

        Record(String key, String value) {
            this.key = key;
            this.value = value;
        }

        @Override
        public String getPayload() {
            return value;
        }

        @Override
        public String getKey() {
            return key;
        }

        @Override
        public String getTopic() {
            return "activities";
        }

        @Override
        public int getPartition() {
            return 0;
        }

        @Override
        public Instant getTimestamp() {
            return Instant.now();
        }

        @Override
        public Headers getHeaders() {
            return new RecordHeaders();
        }

        @Override
        public CompletionStage<Void> ack() {
            return ack(Metadata.empty());
        }

        @Override
        public synchronized CompletionStage<Void> ack(Metadata metadata) {
            acks++;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> nack(Throwable reason) {
            return nack(reason, Metadata.empty());
        }

        @Override
        public synchronized CompletionStage<Void> nack(Throwable reason, Metadata metadata) {
            nacks++;
            return CompletableFuture.completedFuture(null);
        }
    }
}
