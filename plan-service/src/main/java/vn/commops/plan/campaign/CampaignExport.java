package vn.commops.plan.campaign;

import java.util.List;
import vn.commops.common.export.Column;

/**
 * The columns of a campaigns export, named as in the JSON. Lists are one cell each, items separated by
 * {@code ;}; of the forms only their kinds ({@code formKinds}) and of the budget lines only their total,
 * the campaign's JSON giving windows, descriptions and lines. New columns only ever go at the end.
 */
final class CampaignExport {

    static final String FILE_NAME = "campaigns";

    static final List<Column<Campaign>> COLUMNS = List.of(
            Column.of("id", c -> c.id),
            Column.of("planId", c -> c.planId),
            Column.of("ownerUnitCode", c -> CampaignService.ownerCode(c.planId)),
            Column.of("theme", c -> c.theme),
            Column.of("startDate", c -> c.startDate),
            Column.of("endDate", c -> c.endDate),
            Column.of("implementsCampaignId", c -> c.implementsCampaignId),
            Column.joined("keyMessages", c -> c.keyMessages),
            Column.joined("contentEmphases", c -> c.contentEmphases),
            Column.joined("targetGroups", c -> c.targetGroups),
            Column.joined("formKinds", c -> c.forms.stream().map(form -> form.kind).toList()),
            Column.of("budgetTotalVnd", c -> c.budgetLines.stream().mapToLong(line -> line.amountVnd).sum()),
            Column.of("createdAt", c -> c.createdAt),
            Column.of("updatedAt", c -> c.updatedAt),
            Column.of("version", c -> c.version));

    private CampaignExport() {
    }
}
