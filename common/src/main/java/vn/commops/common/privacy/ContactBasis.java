package vn.commops.common.privacy;

import java.util.ArrayList;
import java.util.List;
import vn.commops.common.problem.Problem;
import vn.commops.common.problem.ProblemException;

/**
 * The intake rule of Decree 13/2023/ND-CP: a contact is taken only with the reason it may be kept, and a
 * consent only with the text the person agreed to.
 */
public final class ContactBasis {

    public static final String MISSING = "lawful-basis-required";

    private ContactBasis() {
    }

    /** The faults of a request, its fields named under {@code prefix} ("" or "contact."). */
    public static List<Problem.FieldError> faults(String prefix, boolean hasContact, LawfulBasis basis,
            String consentTextVersion) {
        List<Problem.FieldError> faults = new ArrayList<>();
        if (!hasContact) {
            return faults;
        }
        if (basis == null) {
            faults.add(new Problem.FieldError(prefix + "lawfulBasis",
                    "must say why the contact may be kept (CONSENT, CONTRACT, LEGAL_OBLIGATION, PUBLIC_TASK or VITAL_INTEREST)"));
        } else if (basis == LawfulBasis.CONSENT && (consentTextVersion == null || consentTextVersion.isBlank())) {
            faults.add(new Problem.FieldError(prefix + "consentTextVersion",
                    "must name the consent text the person agreed to"));
        }
        return faults;
    }

    /** Refuses with 422 naming the field when the request's contact lacks its basis. */
    public static void require(String prefix, boolean hasContact, LawfulBasis basis, String consentTextVersion) {
        List<Problem.FieldError> faults = faults(prefix, hasContact, basis, consentTextVersion);
        if (!faults.isEmpty()) {
            throw new ProblemException(422, MISSING, "Request cannot be processed",
                    "A contact is kept only with its lawful basis", faults);
        }
    }
}
