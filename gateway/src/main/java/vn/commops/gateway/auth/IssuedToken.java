package vn.commops.gateway.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GatewayIssuedToken", description = "A bearer token signed by the gateway (a partner token or a development token)")
public record IssuedToken(
        @JsonProperty("access_token") @Schema(description = "Send as 'Authorization: Bearer <token>'",
                examples = "eyJraWQiOiJnYXRld2F5LTNmOWExYzdlNTJiMDhkNjQiLCJhbGciOiJSUzI1NiJ9."
                        + "eyJpc3MiOiJjb21tb3BzLWRldiIsInN1YiI6ImxjLW1hbmFnZXIiLCJncm91cHMiOlsidW5pdC1tYW5hZ2VyIl0s"
                        + "Im9yZ191bml0cyI6WyJMQyJdLCJleHAiOjE3MTU1OTA4MDB9.kW2pX7uQ0rT3vN8sYbLc5dZe1fGh4JmA")
        String accessToken,
        @JsonProperty("token_type") @Schema(examples = "Bearer") String tokenType,
        @JsonProperty("expires_in") @Schema(description = "Seconds until it expires", examples = "28800") long expiresIn,
        @Schema(examples = "[\"unit-manager\"]") List<String> roles,
        @JsonProperty("org_units") @Schema(examples = "[\"LC\"]") List<String> orgUnits) {
}
