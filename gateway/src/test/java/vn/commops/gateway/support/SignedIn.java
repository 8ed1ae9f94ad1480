package vn.commops.gateway.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Requests as a signed-in client, for the tests whose requests must get past the authentication
 * gate to a service: the token comes from the gateway's development issuer.
 */
public final class SignedIn {

    private SignedIn() {
    }

    public static String token() {
        return RestAssured.given().contentType(ContentType.JSON).body("{\"username\":\"national-admin\"}")
                .post("/auth/dev-token").then().statusCode(200).extract().path("access_token");
    }

    public static RequestSpecification given() {
        return RestAssured.given().header("Authorization", "Bearer " + token());
    }

    /** The header line for requests written by hand ({@link RawHttp}). */
    public static String authorizationLine() {
        return "Authorization: Bearer " + token() + "\r\n";
    }
}
