package vn.commops.activity.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.commops.activity.activity.Activity;
import vn.commops.activity.activity.Evidence;
import vn.commops.common.orgunit.KnownOrgUnit;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;

/**
 * Files attached to activities. Attaching is a change of the activity, allowed to whoever may correct it; the
 * file is also appended to the activity's {@code evidence} as an item whose url is its content here, so that
 * whatever reads an activity's evidence (verification rules, exports, sync) sees it without knowing of files.
 * Attaching adds no revision: the reported content is unchanged, and a verified activity stays verified.
 */
@ApplicationScoped
public class EvidenceAttachments {

    private final EvidenceFiles files;
    private final EvidenceEvents events;
    private final EvidenceConfig config;
    private final Caller caller;

    EvidenceAttachments(EvidenceFiles files, EvidenceEvents events, EvidenceConfig config, Caller caller) {
        this.files = files;
        this.events = events;
        this.config = config;
        this.caller = caller;
    }

    /** @param isNew whether this call attached the file, rather than finding it attached */
    public record Attached(EvidenceFileView file, boolean isNew) {
    }

    /** Refuses, before the body is read, a caller who may not attach files to this activity. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireAttachable(UUID activityId) {
        attachable(activityId);
    }

    @Transactional
    public Attached attach(UUID activityId, EvidenceUploads.Received received) {
        Activity activity = attachable(activityId);
        EvidenceFile file = files.keep(received, caller.name()).file();
        AttachedEvidence.Key key = new AttachedEvidence.Key(activityId, file.sha256);
        AttachedEvidence attached = AttachedEvidence.findById(key);
        if (attached != null) {
            return new Attached(view(activity, file, attached), false);
        }
        attached = new AttachedEvidence();
        attached.key = key;
        attached.attachedBy = caller.name();
        attached.attachedAt = OffsetDateTime.now();
        attached.persist();

        List<Evidence> evidence = activity.evidence == null ? new ArrayList<>() : new ArrayList<>(activity.evidence);
        evidence.add(new Evidence(config.publicUrl() + contentPath(activityId, file.sha256), file.sha256,
                file.capturedAt, file.latitude, file.longitude));
        activity.evidence = evidence;
        activity.updatedAt = attached.attachedAt;
        // a new place in the change feed, so that offline clients fetch the longer evidence list
        activity.changeSeq = ((Number) Activity.getEntityManager()
                .createNativeQuery("select nextval('activity_change_seq')").getSingleResult()).longValue();
        KnownOrgUnit unit = KnownOrgUnit.findById(activity.orgUnitCode);
        events.attached(new EvidenceEvents.Attached(activityId, activity.orgUnitCode, unit == null ? null : unit.path,
                file.sha256, file.mediaType, file.sizeBytes));
        return new Attached(view(activity, file, attached), true);
    }

    /** The activity's files, oldest first, with how each photo's EXIF agrees with the activity as it is now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EvidenceFileView> list(UUID activityId) {
        Activity activity = readable(activityId);
        List<AttachedEvidence> attached = AttachedEvidence.list("key.activityId = ?1 order by attachedAt, key.sha256",
                activityId);
        if (attached.isEmpty()) {
            return List.of();
        }
        Map<String, EvidenceFile> byHash = EvidenceFile.<EvidenceFile>list("sha256 in ?1",
                attached.stream().map(a -> a.key.sha256()).toList()).stream()
                .collect(Collectors.toMap(f -> f.sha256, Function.identity()));
        return attached.stream().map(a -> view(activity, byHash.get(a.key.sha256()), a)).toList();
    }

    /** The attached file, for a caller who may read the activity; 404 for a file not attached to it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EvidenceFile readableFile(UUID activityId, String sha256) {
        readable(activityId);
        if (sha256 == null || AttachedEvidence.findById(new AttachedEvidence.Key(activityId, sha256)) == null) {
            throw ProblemException.notFound("Evidence file", activityId + "/" + sha256);
        }
        return files.find(sha256);
    }

    static String contentPath(UUID activityId, String sha256) {
        return "/api/v1/activities/" + activityId + "/evidence-files/" + sha256 + "/content";
    }

    private EvidenceFileView view(Activity activity, EvidenceFile file, AttachedEvidence attached) {
        EvidenceFindings findings = EvidenceFindings.of(file.capturedAt, file.latitude, file.longitude,
                activity.startedAt, activity.endedAt, activity.latitude, activity.longitude, config.timeTolerance(),
                config.distanceToleranceKm());
        String base = "/api/v1/activities/" + activity.id + "/evidence-files/" + file.sha256;
        return new EvidenceFileView(file.sha256, file.mediaType, file.sizeBytes, attached.attachedBy,
                attached.attachedAt, file.capturedAt, file.latitude, file.longitude, findings, base + "/content",
                file.type().decodable() ? base + "/thumbnail" : null);
    }

    /** Same grants as reading the activity: staff read every unit, a partner its granted subtrees. */
    private Activity readable(UUID activityId) {
        Activity activity = find(activityId);
        if (caller.isPartner()) {
            requireUnit(activity);
        }
        return activity;
    }

    /** Same grants as correcting the activity: the unit granted, a partner's own records, not withdrawn. */
    private Activity attachable(UUID activityId) {
        Activity activity = find(activityId);
        requireUnit(activity);
        if (caller.isPartner() && !caller.partnerId().equals(activity.partnerId)) {
            throw new ProblemException(403, "not-your-record", "Not allowed",
                    "A partner attaches files only to the activities it reported", List.of());
        }
        if (activity.withdrawn) {
            throw ProblemException.conflict("activity-withdrawn", "Activity " + activityId + " was withdrawn");
        }
        return activity;
    }

    private static Activity find(UUID id) {
        return Activity.<Activity>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Activity", id.toString()));
    }

    private void requireUnit(Activity activity) {
        KnownOrgUnit unit = KnownOrgUnit.findById(activity.orgUnitCode);
        caller.requireUnit(activity.orgUnitCode, unit == null ? null : unit.path, "id");
    }
}
