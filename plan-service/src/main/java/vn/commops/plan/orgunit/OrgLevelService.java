package vn.commops.plan.orgunit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.commops.common.problem.ProblemException;

/** The levels of the hierarchy, kept as data: a reform adds or retires a level without a release. */
@ApplicationScoped
public class OrgLevelService {

    private final OrgUnitEvents events;

    OrgLevelService(OrgUnitEvents events) {
        this.events = events;
    }

    @Schema(name = "OrgLevel")
    public record OrgLevelView(
            @Schema(examples = "COMMUNE") String code,
            @Schema(examples = "Xã, phường, đặc khu") String name,
            @Schema(description = "0 for the root level; a unit's level ranks below its parent's", examples = "3")
            int rank) {

        static OrgLevelView of(OrgLevel level) {
            return new OrgLevelView(level.code, level.name, level.depth);
        }
    }

    @Schema(name = "OrgLevelRequest")
    public record OrgLevelRequest(
            @NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9_]{0,31}$", message = "must be 1-32 upper-case letters, digits or '_'")
            @Schema(examples = "HAMLET") String code,
            @NotBlank @Size(max = 200) @Schema(examples = "Thôn, bản") String name,
            @Min(0) @Schema(examples = "4") int rank) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OrgLevelView> list() {
        return OrgLevel.<OrgLevel>list("order by depth").stream().map(OrgLevelView::of).toList();
    }

    @Transactional
    public OrgLevelView create(OrgLevelRequest request) {
        if (OrgLevel.findByIdOptional(request.code()).isPresent()) {
            throw ProblemException.conflict("org-level-exists", "A level with code '" + request.code() + "' exists");
        }
        if (OrgLevel.count("depth", request.rank()) > 0) {
            throw ProblemException.conflict("org-level-rank-taken", "Another level has rank " + request.rank());
        }
        OrgLevel level = new OrgLevel();
        level.code = request.code();
        level.name = request.name().strip();
        level.depth = request.rank();
        level.persist();
        OrgLevelView view = OrgLevelView.of(level);
        events.levelCreated(view);
        return view;
    }
}
