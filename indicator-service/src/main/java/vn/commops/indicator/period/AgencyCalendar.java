package vn.commops.indicator.period;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Today, in the agency's time zone: the day periods elapse and targets take effect by. */
@ApplicationScoped
public class AgencyCalendar {

    private final ZoneId zone;

    AgencyCalendar(@ConfigProperty(name = "commops.indicators.zone") ZoneId zone) {
        this.zone = zone;
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }
}
