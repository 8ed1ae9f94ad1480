package vn.commops.activity.bulk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import vn.commops.activity.activity.ActivityRequest;

/** The precheck against the validator the service really runs (its constraints and configuration). */
@QuarkusTest
class ServiceValidatorPrecheckTest {

    @Inject
    Validator validator;

    @Test
    void theServicesOwnValidatorLetsValidRecordsSkipBeanValidation() {
        assertTrue(ConstraintPrecheck.of(validator, ActivityRequest.class).complete());
    }
}
