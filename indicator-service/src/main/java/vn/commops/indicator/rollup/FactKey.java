package vn.commops.indicator.rollup;

import java.time.LocalDate;

/**
 * Where an activity's figures are summed: under every unit of its path, on its day, by form, campaign,
 * whether it is verified and whether it reported a cost. {@code campaignId} is '' for none so that it can
 * be part of the key.
 */
public record FactKey(String path, LocalDate day, String form, String campaignId, boolean verified, boolean costed) {
}
