package vn.commops.activity.form;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The forms of communication this service knows, from its replica of plan-service's catalogue, held in
 * memory: the bulk path checks 10,000 records a batch against it without a query each. Reloaded after this
 * instance applies a catalogue event, and by any read once it is older than {@code commops.forms.refresh}.
 */
@ApplicationScoped
public class FormCatalogue {

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

    private Map<String, Form> current() {
        Snapshot held = snapshot;
        if (held == null || System.nanoTime() - held.loadedAt() > refreshNanos) {
            held = new Snapshot(KnownForm.<KnownForm>listAll().stream()
                    .map(f -> new Form(f.code, f.channel, List.of(f.requiredFigures), f.retired))
                    .collect(Collectors.toUnmodifiableMap(Form::code, Function.identity())), System.nanoTime());
            snapshot = held;
        }
        return held.forms();
    }
}
