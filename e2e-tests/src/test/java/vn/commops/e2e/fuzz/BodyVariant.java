package vn.commops.e2e.fuzz;

/**
 * A body to send and what is owed to it.
 *
 * @param batchItem the mutation is inside one record of a batch, which may be refused in the batch's report
 * @param pair      bodies with the same pair key hold the same valid text written two ways
 */
record BodyVariant(String mutation, String target, FuzzCase.Expect expect, byte[] body, String contentType,
                   boolean batchItem, String pair) {
}
