package vn.commops.plan.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.commops.plan.form.ChannelFamily;

/** A campaign of a plan: its theme, ordered key messages, emphases, audiences, forms with windows, budget. */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID planId;

    @Column(nullable = false)
    public String theme;

    @Column(nullable = false)
    public String searchTheme;

    @Column(nullable = false)
    public LocalDate startDate;

    @Column(nullable = false)
    public LocalDate endDate;

    /** The campaign of a higher plan or unit this one carries out locally (Lao Cai's 7 peak days, the May month). */
    public UUID implementsCampaignId;

    @ElementCollection
    @CollectionTable(name = "campaign_key_message", joinColumns = @JoinColumn(name = "campaign_id"))
    @OrderColumn(name = "position")
    @Column(name = "text", nullable = false)
    public List<String> keyMessages = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "campaign_emphasis", joinColumns = @JoinColumn(name = "campaign_id"))
    @OrderColumn(name = "position")
    @Column(name = "text", nullable = false)
    public List<String> contentEmphases = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "campaign_target_group", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "target_group_code", nullable = false)
    public Set<String> targetGroups = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "campaign_form", joinColumns = @JoinColumn(name = "campaign_id"))
    @OrderColumn(name = "position")
    public List<Form> forms = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "campaign_budget_line", joinColumns = @JoinColumn(name = "campaign_id"))
    @OrderColumn(name = "position")
    public List<BudgetLine> budgetLines = new ArrayList<>();

    @Column(nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public OffsetDateTime updatedAt;

    /** Stamped by the database on every write (V12): where the row stands in the change feed. */
    @Column(insertable = false, updatable = false)
    public long writeXid;

    @Column(insertable = false, updatable = false)
    public long changeSeq;

    @Column(insertable = false, updatable = false)
    public OffsetDateTime changedAt;

    @Version
    public int version;

    /** A form of communication the campaign uses, shown in its own window (banners 6–21 May) or the campaign's. */
    @Embeddable
    public static class Form {

        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public ChannelFamily channel;

        /** A code of the form catalogue ({@code vn.commops.plan.form}). */
        @Column(nullable = false)
        public String kind;

        public String description;

        public LocalDate windowStart;

        public LocalDate windowEnd;

        LocalDate start(Campaign campaign) {
            return windowStart == null ? campaign.startDate : windowStart;
        }

        LocalDate end(Campaign campaign) {
            return windowEnd == null ? campaign.endDate : windowEnd;
        }
    }

    @Embeddable
    public static class BudgetLine {

        @Column(nullable = false)
        public String item;

        @Column(nullable = false)
        public long amountVnd;
    }
}
