package vn.commops.plan.orgunit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** Today in the agency's zone: the day against which effective dates and openness are judged. */
@ApplicationScoped
public class OrgUnitCalendar {

    private final OrgUnitConfig config;

    OrgUnitCalendar(OrgUnitConfig config) {
        this.config = config;
    }

    public LocalDate today() {
        return LocalDate.now(config.zone());
    }
}
