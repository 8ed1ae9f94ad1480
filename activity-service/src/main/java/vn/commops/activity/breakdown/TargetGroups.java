package vn.commops.activity.breakdown;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The target groups records of a batch may split by, read in one query for the whole batch: each named
 * campaign's groups, and the vocabulary for records without a campaign.
 */
@ApplicationScoped
public class TargetGroups {

    /** What a batch may use; a campaign absent from {@code byCampaign} is not known here (yet). */
    public record Known(Set<String> vocabulary, Map<UUID, Set<String>> byCampaign) {

        public static final Known NONE = new Known(Set.of(), Map.of());
    }

    private final DataSource dataSource;

    TargetGroups(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every target group code of plan-service's vocabulary, as replicated here. */
    public Set<String> vocabulary() {
        return of(Set.of()).vocabulary();
    }

    public Known of(Set<UUID> campaignIds) {
        Set<String> vocabulary = new HashSet<>();
        Map<UUID, Set<String>> byCampaign = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select null::uuid, code::text[] from "
                        + "(select array_agg(code) code from target_group_replica) v union all "
                        + "select id, target_groups from campaign_replica where id = any(?)")) {
            query.setArray(1, connection.createArrayOf("uuid", campaignIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    java.sql.Array codes = rows.getArray(2);
                    Set<String> groups = codes == null ? Set.of() : Set.copyOf(Arrays.asList((String[]) codes.getArray()));
                    if (id == null) {
                        vocabulary.addAll(groups);
                    } else {
                        byCampaign.put(id, groups);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read target groups", e);
        }
        return new Known(vocabulary, byCampaign);
    }
}
