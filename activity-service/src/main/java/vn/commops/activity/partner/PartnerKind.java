package vn.commops.activity.partner;

/** The kinds of organisation the seeds name as communication partners. */
public enum PartnerKind {
    POST_OFFICE, LABOUR_FEDERATION, CULTURAL_CENTRE, PRESS, COLLECTION_AGENT, MASS_ORGANISATION, OTHER
}
