package vn.commops.crisis.classification;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.commops.common.problem.ProblemException;
import vn.commops.common.security.Caller;
import vn.commops.common.api.IfMatch;
import vn.commops.crisis.topic.TopicService;

/** Keeps the rules; every change reclassifies recent feedback in the same transaction. */
@ApplicationScoped
public class ClassificationRuleService {

    private final Caller caller;
    private final Reclassification reclassification;
    private final RuleBook rules;
    private final ClassificationEvents events;

    ClassificationRuleService(Caller caller, Reclassification reclassification, RuleBook rules,
            ClassificationEvents events) {
        this.caller = caller;
        this.reclassification = reclassification;
        this.rules = rules;
        this.events = events;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RuleView> list(Boolean active, String topicCode) {
        Sort sort = Sort.descending("priority").and("name");
        List<ClassificationRule> found;
        if (active != null && topicCode != null) {
            found = ClassificationRule.list("active = ?1 and topicCode = ?2", sort, active, topicCode);
        } else if (active != null) {
            found = ClassificationRule.list("active", sort, active);
        } else if (topicCode != null) {
            found = ClassificationRule.list("topicCode", sort, topicCode);
        } else {
            found = ClassificationRule.listAll(sort);
        }
        return found.stream().map(RuleView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RuleView get(UUID id) {
        return RuleView.of(require(id));
    }

    @Transactional
    public Changed create(RuleRequest request) {
        ClassificationRule rule = new ClassificationRule();
        rule.id = UUID.randomUUID();
        rule.createdAt = OffsetDateTime.now();
        apply(rule, request);
        rule.persist();
        Changed changed = changed(rule);
        events.ruleCreated(changed.rule());
        return changed;
    }

    @Transactional
    public Changed update(UUID id, RuleRequest request, Integer expectedVersion) {
        ClassificationRule rule = require(id);
        IfMatch.check(expectedVersion, rule.version, "rule '" + id + "'");
        apply(rule, request);
        Changed changed = changed(rule);
        events.ruleUpdated(changed.rule());
        return changed;
    }

    @Transactional
    public Reclassification.Result delete(UUID id) {
        require(id).delete();
        events.ruleDeleted(id, caller.name());
        return reclassify(null);
    }

    @Transactional
    public Reclassification.Result reclassify(OffsetDateTime since) {
        return reclassification.reclassify(since == null ? reclassification.defaultSince() : since);
    }

    private Changed changed(ClassificationRule rule) {
        RuleView view = RuleView.of(rule);
        Reclassification.Result result = reclassify(null);
        // The version after the flush of the reclassification, which is the one a client must send back.
        return new Changed(new RuleView(view.id(), view.name(), view.matchKind(), view.keywords(), view.pattern(),
                view.language(), view.priority(), view.topicCode(), view.sentiment(), view.falseInformation(),
                view.active(), view.updatedAt(), view.updatedBy(), currentVersion(rule.id)), result);
    }

    private static int currentVersion(UUID id) {
        return ClassificationRule.<ClassificationRule>findByIdOptional(id).map(r -> r.version).orElse(0);
    }

    private void apply(ClassificationRule rule, RuleRequest request) {
        if (request.matchKind() == MatchKind.KEYWORD) {
            if (request.keywords() == null || request.keywords().isEmpty()) {
                throw ProblemException.badRequest("validation", "keywords", "a KEYWORD rule needs keywords");
            }
            if (request.pattern() != null) {
                throw ProblemException.badRequest("validation", "pattern", "a KEYWORD rule has no pattern");
            }
        } else {
            if (request.pattern() == null || request.pattern().isBlank()) {
                throw ProblemException.badRequest("validation", "pattern", "a REGEX rule needs a pattern");
            }
            String problem = RuleMatcher.problemWith(request.pattern());
            if (problem != null) {
                throw ProblemException.badRequest("invalid-pattern", "pattern", problem);
            }
            if (request.keywords() != null && !request.keywords().isEmpty()) {
                throw ProblemException.badRequest("validation", "keywords", "a REGEX rule has no keywords");
            }
        }
        if (request.topicCode() == null && request.sentiment() == null && request.falseInformation() == null) {
            throw ProblemException.badRequest("validation", "topicCode",
                    "a rule must set a topic, a sentiment or the false-information flag");
        }
        if (request.topicCode() != null) {
            TopicService.requireKnown(request.topicCode(), "topicCode");
        }
        rule.name = request.name().strip();
        rule.matchKind = request.matchKind();
        rule.keywords = request.matchKind() == MatchKind.KEYWORD
                ? request.keywords().stream().map(String::strip).toList() : null;
        rule.pattern = request.matchKind() == MatchKind.REGEX ? request.pattern() : null;
        rule.language = request.language();
        rule.priority = request.priority();
        rule.topicCode = request.topicCode();
        rule.sentiment = request.sentiment();
        rule.falseInformation = request.falseInformation();
        rule.active = request.active() == null || request.active();
        rule.updatedAt = OffsetDateTime.now();
        rule.updatedBy = caller.name();
    }

    private static ClassificationRule require(UUID id) {
        return ClassificationRule.<ClassificationRule>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Classification rule", id.toString()));
    }

    /** A rule after a change, and what the change did to recent feedback. */
    public record Changed(RuleView rule, Reclassification.Result reclassification) {
    }
}
