package vn.commops.activity.evidence;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.commops.activity.activity.Activity;

/**
 * The photos attached to activities as files: their content was recognised as an image when uploaded, which
 * a link's ending only suggests. Verification rules that ask for a photo accept these by their sha256.
 */
public final class AttachedPhotos {

    private AttachedPhotos() {
    }

    /** The sha256 of each activity's attached images, in one query however many activities. */
    public static Map<UUID, Set<String>> of(Collection<UUID> activityIds) {
        Map<UUID, Set<String>> photos = new HashMap<>();
        if (activityIds.isEmpty()) {
            return photos;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Activity.getEntityManager().createNativeQuery("select a.activity_id, a.sha256 "
                        + "from activity_evidence_file a join evidence_file f on f.sha256 = a.sha256 "
                        + "where a.activity_id = any(cast(:ids as uuid[])) and f.media_type like 'image/%'")
                .setParameter("ids", activityIds.toArray(UUID[]::new)).getResultList();
        for (Object[] row : rows) {
            photos.computeIfAbsent((UUID) row[0], id -> new HashSet<>()).add(((String) row[1]).trim());
        }
        return photos;
    }

    public static Set<String> of(UUID activityId) {
        return of(List.of(activityId)).getOrDefault(activityId, Set.of());
    }
}
