package vn.commops.gateway.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.commops.gateway.support.StubServices;

@QuarkusTest
@QuarkusTestResource(StubServices.class)
class HealthTest {

    @Test
    void theGatewayIsReadyEvenWhileAServiceIsDown() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'gateway routes' }.data.prefixes", equalTo(28));
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void eachServicesReadinessIsReportedInItsOwnGroup() {
        given().get("/q/health/group/" + DownstreamReadiness.GROUP).then().statusCode(503)
                .body("checks[0].data.plan", equalTo("UP"))
                .body("checks[0].data.activity", equalTo("UP"))
                .body("checks[0].data.indicator", equalTo("UP"))
                .body("checks[0].data.crisis", equalTo("UNREACHABLE"));
    }
}
