package vn.commops.e2e.fuzz;

/**
 * One malformed (or deliberately odd but valid) request and what the platform owes it.
 *
 * @param operation   the documented operation, {@code POST /api/v1/plans}
 * @param mutation    the class of the mutation, {@code float-for-integer}
 * @param where       body, query, path, header or url
 * @param target      the field, parameter or header it broke, with the value's gist: {@code quantity=1.5}
 * @param expect      whether the contract says it must be refused, or only that it must be answered well
 * @param request     the bytes to send
 * @param batchItem   the mutation is inside one record of a batch: a 2xx whose report rejects the record is a refusal
 * @param pair        requests with the same pair key are the same valid value written two ways and must fare alike
 */
record FuzzCase(String operation, String mutation, String where, String target, Expect expect,
                RawHttp.Request request, boolean batchItem, String pair) {

    enum Expect {
        /** It breaks the declared contract: any 2xx is a bad value silently taken. */
        REFUSE,
        /** Valid, or outside what the document constrains: anything but a 5xx, a hang or a bare error. */
        ANSWER
    }

    String group() {
        return mutation + " in " + where;
    }
}
