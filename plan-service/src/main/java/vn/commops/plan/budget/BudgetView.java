package vn.commops.plan.budget;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.plan.assignment.Counting;

@Schema(name = "Budget", description = "Budget versus actual of a campaign, a plan or an assignment: what was "
        + "allocated, what of it is handed to assignments, and what the activities that count cost")
public record BudgetView(
        @Schema(examples = "CAMPAIGN") Scope scope,
        @Schema(description = "The campaign's, plan's or assignment's id",
                examples = "7a1d9e44-0c3b-4f5e-8b2a-6e9f1c3d5a21") UUID id,
        @Schema(description = "VND. A campaign: its budget lines' total; a plan: its campaigns' budget lines plus the "
                + "budgets of its top-level assignments outside any campaign; an assignment: its budget",
                examples = "800000000") long allocatedVnd,
        @Schema(description = "VND held by open assignments: a campaign's or plan's top-level ones, an assignment's "
                + "shares", examples = "480000000") long assignedVnd,
        @Schema(description = "VND: the reported cost of the activities that count, reported against its assignments "
                + "and their shares", examples = "1500000") long spentVnd,
        @Schema(description = "VND: allocated minus spent; negative when overspent", examples = "798500000")
        long remainingVnd,
        @Schema(description = "Activities that count", examples = "3") long activities,
        @Schema(description = "Of those, activities without a reported cost: not in spentVnd", examples = "1")
        long uncostedActivities,
        @Schema(description = "Which activities count", examples = "ALL") Counting counting) {

    @Schema(name = "BudgetScope")
    public enum Scope {
        CAMPAIGN, PLAN, ASSIGNMENT
    }
}
