package vn.commops.activity.form;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import vn.commops.common.form.KnownForm;

/**
 * The forms of communication this service knows, from its replica of plan-service's catalogue, held in
 * memory: the bulk path checks 10,000 records a batch against it without a query each. Reloaded after this
 * instance applies a catalogue event, and by any read once it is older than {@code commops.forms.refresh}.
 */
@ApplicationScoped
public class FormCatalogue {

    private static final Logger LOG = Logger.getLogger(FormCatalogue.class);

    /** A form as activities are checked against it. */
    public record Form(String code, ChannelFamily channel, List<String> requiredFigures, boolean retired) {
    }

    private record Snapshot(Map<String, Form> forms, long loadedAt) {
    }

    private final long refreshNanos;
    private volatile Snapshot snapshot;

    FormCatalogue(FormsConfig config) {
        this.refreshNanos = config.refresh().toNanos();
    }

    /** The form of this code, retired or not; null when the replica does not know it. */
    public Form find(String code) {
        return code == null ? null : current().get(code);
    }

    /**
     * The channel of a form, for views and events made in static factories; null for a code the replica does
     * not know (never the case for a stored activity, which was checked against it).
     */
    public static ChannelFamily channelOf(String code) {
        Form form = Arc.container().instance(FormCatalogue.class).get().find(code);
        return form == null ? null : form.channel();
    }

    void reload(@Observes(during = TransactionPhase.AFTER_SUCCESS) FormReplica.Applied applied) {
        snapshot = null;
    }

    /** The form, or null for a channel this version does not know: its activities are refused, not the catalogue. */
    private static Form form(KnownForm known) {
        ChannelFamily channel = Arrays.stream(ChannelFamily.values()).filter(c -> c.name().equals(known.channel))
                .findFirst().orElse(null);
        if (channel == null) {
            LOG.warnf("Form %s has channel %s, which this version does not know; it is treated as unknown",
                    known.code, known.channel);
            return null;
        }
        return new Form(known.code, channel, List.of(known.requiredFigures), known.retired);
    }

    private Map<String, Form> current() {
        Snapshot held = snapshot;
        if (held == null || System.nanoTime() - held.loadedAt() > refreshNanos) {
            held = new Snapshot(KnownForm.<KnownForm>listAll().stream().map(FormCatalogue::form)
                    .filter(Objects::nonNull)
                    .collect(Collectors.toUnmodifiableMap(Form::code, Function.identity())), System.nanoTime());
            snapshot = held;
        }
        return held.forms();
    }
}
