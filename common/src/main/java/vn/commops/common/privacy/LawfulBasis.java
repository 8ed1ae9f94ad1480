package vn.commops.common.privacy;

/**
 * Why the agency may keep a person's contact, as Decree 13/2023/ND-CP puts it: the data subject's consent
 * (Art. 11), or one of the cases where processing needs no consent (Art. 17).
 */
public enum LawfulBasis {
    /** The person agreed, to a consent text of a known version, at a known time (Art. 11). */
    CONSENT,
    /** Needed to perform a contract with the person, e.g. a collaborator's service contract (Art. 17(4)). */
    CONTRACT,
    /** A law requires it to be kept (Art. 17(2)). */
    LEGAL_OBLIGATION,
    /** The agency's public task under the social-insurance laws, e.g. answering a citizen's petition (Art. 17(5)). */
    PUBLIC_TASK,
    /** Someone's life or health is at stake (Art. 17(1)). */
    VITAL_INTEREST
}
