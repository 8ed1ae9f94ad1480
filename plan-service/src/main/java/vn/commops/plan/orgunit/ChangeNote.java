package vn.commops.plan.orgunit;

/**
 * Who made a change of the hierarchy, why, and the reorganisation it belongs to: kept on every version.
 *
 * @param reorganisationId null for changes outside a reorganisation (creation, import)
 */
record ChangeNote(String actor, String reason, Long reorganisationId) {

    static ChangeNote by(String actor) {
        return new ChangeNote(actor == null ? "system" : actor, null, null);
    }
}
