package vn.commops.indicator.value;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;
import vn.commops.common.problem.ProblemException;
import vn.commops.indicator.campaign.CampaignWindows;
import vn.commops.indicator.period.Period;

/** A DHIS2 period id ({@code 2024}, {@code 2024Q2}, {@code 202405}, {@code 2024W20}, {@code 20240513}) or a campaign id. */
@ApplicationScoped
public class PeriodResolver {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final CampaignWindows campaigns;

    PeriodResolver(CampaignWindows campaigns) {
        this.campaigns = campaigns;
    }

    public Period resolve(String id, String field) {
        if (id != null && UUID.matcher(id.trim()).matches()) {
            return campaigns.window(id.trim().toLowerCase()).orElseThrow(() -> ProblemException.invalidField(
                    "unknown-campaign", field, "no campaign '" + id + "' is known (from plan-service's campaign events)"));
        }
        try {
            return Period.parse(id);
        } catch (Period.InvalidPeriodException e) {
            throw ProblemException.badRequest("invalid-period", field,
                    e.getMessage().replace("or 20240513", "or 20240513, or a campaign id for its window"));
        }
    }
}
