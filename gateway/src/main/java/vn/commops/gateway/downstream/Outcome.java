package vn.commops.gateway.downstream;

/** How one attempt to have a request answered by one instance ended. */
public enum Outcome {

    /** An answer under 500: the instance works, whatever it said. */
    ANSWERED,
    /** An answer of 500 or more but 503. */
    SERVER_ERROR,
    /**
     * A 503 (the instance works and sheds load: every connection busy, its database away, with a
     * Retry-After of its own), or no room left in the gateway's queue for a connection to it. It proves
     * nothing either way: counted as a failure, five in a row would cut off the one instance left during
     * a rolling restart and refuse everything for the cool-down.
     */
    BUSY,
    /** No connection could be had (refused, timed out): nothing was sent. */
    UNREACHABLE,
    /** The connection closed or was reset before the answer began: the request may have been carried out. */
    DROPPED,
    /** The instance stayed silent past the response timeout. */
    TIMED_OUT,
    /** The client's body grew past the limit: the gateway cut it off. */
    TOO_LARGE,
    /** The client went away before the answer. */
    CLIENT_GONE;

    /** As metrics label it. */
    public String tag() {
        return name().toLowerCase();
    }

    /** Whether it says something about the instance; the client's own doing and a busy answer do not. */
    public boolean judgesTheInstance() {
        return this != TOO_LARGE && this != CLIENT_GONE && this != BUSY;
    }

    /** What an answer with this status says of the instance. */
    public static Outcome ofAnswer(int status) {
        if (status == 503) {
            return BUSY;
        }
        return status < 500 ? ANSWERED : SERVER_ERROR;
    }
}
