package vn.commops.indicator.value;

import static vn.commops.common.testing.TestTokens.as;

import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Reads one indicator value through the API, as a client would. */
final class Values {

    private Values() {
    }

    static Double value(String indicator, String unit, String period) {
        return value(indicator, unit, period, Map.of());
    }

    static Double value(String indicator, String unit, String period, Map<String, ?> filters) {
        RequestSpecification request = as("viewer").queryParam("indicators", indicator).queryParam("orgUnit", unit)
                .queryParam("period", period);
        filters.forEach(request::queryParam);
        Object value = request.when().get("/api/v1/indicators/values").then().statusCode(200)
                .extract().jsonPath().get("items[0].value");
        return value == null ? null : ((Number) value).doubleValue();
    }
}
