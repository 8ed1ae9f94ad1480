package vn.commops.gateway.auth;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GatewayDevTokenRequest", description = "Which demo user to sign a token for")
public record DevTokenRequest(
        @Schema(required = true, description = "national-admin, lc-manager, lc-officer, crisis-analyst, dpo, viewer or post-office",
                examples = "lc-manager") String username,
        @Schema(description = "Grant these org-unit subtrees instead of the demo user's own", examples = "[\"LC\"]")
        List<String> orgUnits) {
}
