package vn.commops.crisis;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import vn.commops.common.testing.RealInfrastructure;

/** Every test of this module runs against the real PostgreSQL and Kafka of the test run. */
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "database", value = "commops_crisis_test"))
public class TestInfrastructure {
}
