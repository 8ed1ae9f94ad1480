package vn.commops.activity.activity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import vn.commops.activity.breakdown.Breakdown;
import vn.commops.activity.breakdown.Breakdowns;
import vn.commops.activity.breakdown.Dimension;
import vn.commops.activity.form.FormCatalogue;
import vn.commops.common.export.Column;

/**
 * The columns of an activities export: the JSON field names, in the order of the CSV import, so a
 * spreadsheet of exported activities goes back in (communicatorIds and evidence URLs as
 * {@code ;}-separated lists, each breakdown count a column of its own). Clients read them by name; new
 * columns are only ever added before the breakdown counts, which come last.
 */
final class ActivityExport {

    static final String FILE_NAME = "activities";

    private static final List<Column<Activity>> COLUMNS = List.of(
            Column.of("id", a -> a.id),
            Column.of("orgUnitCode", a -> a.orgUnitCode),
            Column.of("form", a -> a.form),
            Column.of("channel", a -> FormCatalogue.channelOf(a.form)),
            Column.of("title", a -> a.title),
            Column.of("place", a -> a.place),
            Column.of("latitude", a -> a.latitude),
            Column.of("longitude", a -> a.longitude),
            Column.of("startedAt", a -> a.startedAt),
            Column.of("endedAt", a -> a.endedAt),
            Column.of("campaignId", a -> a.campaignId),
            Column.of("assignmentId", a -> a.assignmentId),
            Column.of("attendance", a -> a.attendance),
            Column.of("reach", a -> a.reach),
            Column.of("plays", a -> a.plays),
            Column.of("interactions", a -> a.interactions),
            Column.of("quantity", a -> a.quantity),
            Column.of("quantityUnit", a -> a.quantityUnit),
            Column.of("durationMinutes", a -> a.durationMinutes),
            Column.of("link", a -> a.link),
            Column.of("newSocialInsurance", a -> a.newSocialInsurance),
            Column.of("newHealthInsurance", a -> a.newHealthInsurance),
            Column.of("appInstalls", a -> a.appInstalls),
            Column.of("nonCashConversions", a -> a.nonCashConversions),
            Column.of("booksAndCardsDonated", a -> a.booksAndCardsDonated),
            Column.of("costVnd", a -> a.costVnd),
            Column.joined("communicatorIds", a -> a.communicatorIds),
            Column.joined("evidenceUrls", a -> a.evidence == null ? null : a.evidence.stream().map(Evidence::url).toList()),
            Column.of("partnerId", a -> a.partnerId),
            Column.of("externalId", a -> a.externalId),
            Column.of("clientId", a -> a.clientId),
            Column.of("revision", a -> a.revision),
            Column.of("verificationStatus", a -> a.verificationStatus),
            Column.of("withdrawn", a -> a.withdrawn),
            Column.of("lastChange", a -> a.lastChange),
            Column.of("changeReason", a -> a.changeReason),
            Column.of("changedBy", a -> a.changedBy),
            Column.of("createdAt", a -> a.createdAt),
            Column.of("updatedAt", a -> a.updatedAt),
            Column.of("version", a -> a.version));

    private ActivityExport() {
    }

    /**
     * The columns, then one per breakdown count a record may carry, named as the CSV import reads them
     * ({@code attendance.sex.FEMALE}): the fixed sex and age bands, and the target groups of today's vocabulary.
     */
    static List<Column<Activity>> columns(Collection<String> targetGroups) {
        List<Column<Activity>> columns = new ArrayList<>(COLUMNS);
        List<String> groups = targetGroups.stream().sorted().toList();
        for (Breakdowns.Measure measure : Breakdowns.Measure.values()) {
            for (Dimension dimension : Dimension.values()) {
                for (String category : dimension == Dimension.GROUP ? groups : dimension.categories()) {
                    columns.add(Column.of(measure.field() + "." + dimension.field() + "." + category,
                            a -> count(a.breakdowns, measure, dimension, category)));
                }
            }
        }
        return columns;
    }

    private static Integer count(Breakdowns breakdowns, Breakdowns.Measure measure, Dimension dimension,
            String category) {
        Breakdown split = breakdowns == null ? null : breakdowns.of(measure);
        Map<String, Integer> counts = split == null ? null : split.of(dimension);
        return counts == null ? null : counts.get(category);
    }
}
