package vn.commops.crisis.feedback;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.problem.Problem;

@Schema(name = "FeedbackBatchResult", description = "What became of each item of a batch, in the order sent")
public record FeedbackBatchResult(
        @Schema(examples = "3") int received,
        @Schema(examples = "1") int created,
        @Schema(description = "Items already stored (same channel and sourceId)", examples = "1") int duplicates,
        @Schema(examples = "1") int rejected,
        @Schema(examples = "[{\"index\": 0, \"sourceId\": \"post-99121\", \"outcome\": \"CREATED\", "
                + "\"feedbackId\": \"2c9d4e7a-1b3f-4a6c-8d5e-7f0a1b2c3d4e\"}, "
                + "{\"index\": 1, \"sourceId\": \"post-99120\", \"outcome\": \"DUPLICATE\", "
                + "\"feedbackId\": \"3d0e5f8b-2c4a-4b7d-9e6f-8a1b2c3d4e5f\"}, "
                + "{\"index\": 2, \"outcome\": \"REJECTED\", "
                + "\"errors\": [{\"field\": \"text\", \"message\": \"must not be blank\"}]}]")
        List<Item> items) {

    public enum Outcome { CREATED, DUPLICATE, REJECTED }

    @Schema(name = "FeedbackBatchItem")
    public record Item(
            @Schema(description = "Zero-based position in the batch", examples = "2") int index,
            @Schema(examples = "post-99120") String sourceId,
            Outcome outcome,
            @Schema(description = "The stored item: new, or the earlier one for a duplicate") UUID feedbackId,
            @Schema(description = "Why it was rejected, by field of the item",
                    examples = "[{\"field\": \"text\", \"message\": \"must not be blank\"}]")
            List<Problem.FieldError> errors) {

        static Item created(int index, FeedbackRequest request, UUID id) {
            return new Item(index, request.sourceId(), Outcome.CREATED, id, List.of());
        }

        static Item duplicate(int index, FeedbackRequest request, UUID id) {
            return new Item(index, request.sourceId(), Outcome.DUPLICATE, id, List.of());
        }

        static Item rejected(int index, FeedbackRequest request, List<Problem.FieldError> errors) {
            return new Item(index, request == null ? null : request.sourceId(), Outcome.REJECTED, null,
                    List.copyOf(errors));
        }
    }

    static FeedbackBatchResult of(List<Item> items) {
        return new FeedbackBatchResult(items.size(), count(items, Outcome.CREATED), count(items, Outcome.DUPLICATE),
                count(items, Outcome.REJECTED), items);
    }

    private static int count(List<Item> items, Outcome outcome) {
        return (int) items.stream().filter(i -> i.outcome() == outcome).count();
    }
}
