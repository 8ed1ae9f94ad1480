package vn.commops.plan.notification;

/** Whom a notification goes to and in which language; never the address, which only the sender reads. */
record Addressee(String username, String language) {
}
