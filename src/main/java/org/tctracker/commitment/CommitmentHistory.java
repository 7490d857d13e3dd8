package org.tctracker.commitment;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tctracker.people.Person;
import org.tctracker.system.Revision;

/**
 * Reads back every saved version of a commitment, its spec links and its check-ins, and tells
 * them as a list of changes, newest first, each naming the fields it changed.
 */
@Service
public class CommitmentHistory {

    private final EntityManager entityManager;

    CommitmentHistory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One saved change: when, by whom, to what, and which fields moved from what to what. */
    public record Change(Instant when, String who, String subject, Kind kind, List<FieldChange> fields) {}

    public record FieldChange(String field, String before, String after) {}

    public enum Kind {
        CREATED("created"),
        CHANGED("changed"),
        DELETED("deleted");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Transactional(readOnly = true)
    public List<Change> of(long commitmentId) {
        List<Change> changes = new ArrayList<>();
        changes.addAll(tell(
                versions(Commitment.class, AuditEntity.id().eq(commitmentId)),
                c -> "Commitment",
                CommitmentHistory::fieldsOf));
        changes.addAll(tell(
                versions(SpecLink.class, AuditEntity.relatedId("commitment").eq(commitmentId)),
                l -> "Link “" + l.getTitle() + "”",
                CommitmentHistory::fieldsOf));
        changes.addAll(tell(
                versions(CheckIn.class, AuditEntity.relatedId("commitment").eq(commitmentId)),
                c -> "Check-in " + c.getWeek(),
                CommitmentHistory::fieldsOf));
        changes.sort(Comparator.comparing(Change::when).reversed());
        return changes;
    }

    private record Version<T>(T entity, Revision revision, RevisionType type, Object id) {}

    private <T> List<Version<T>> versions(Class<T> type, org.hibernate.envers.query.criteria.AuditCriterion which) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(entityManager)
                .createQuery()
                .forRevisionsOfEntity(type, false, true)
                .add(which)
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        List<Version<T>> versions = new ArrayList<>();
        for (Object[] row : rows) {
            @SuppressWarnings("unchecked")
            T entity = (T) row[0];
            Object id = entityManager
                    .getEntityManagerFactory()
                    .getPersistenceUnitUtil()
                    .getIdentifier(entity);
            versions.add(new Version<>(entity, (Revision) row[1], (RevisionType) row[2], id));
        }
        return versions;
    }

    /** Turns each record's successive versions into changes, comparing each with the one before. */
    private static <T> List<Change> tell(
            List<Version<T>> versions, Function<T, String> subject, Function<T, Map<String, String>> fields) {
        Map<Object, List<Version<T>>> byRecord =
                versions.stream().collect(Collectors.groupingBy(Version::id, LinkedHashMap::new, Collectors.toList()));
        List<Change> changes = new ArrayList<>();
        for (List<Version<T>> history : byRecord.values()) {
            Map<String, String> before = Map.of();
            String lastSubject = "";
            for (Version<T> version : history) {
                if (version.type() == RevisionType.DEL) {
                    changes.add(new Change(
                            version.revision().getChangedAt(),
                            version.revision().getUsername(),
                            lastSubject,
                            Kind.DELETED,
                            List.of()));
                    continue;
                }
                Map<String, String> after = fields.apply(version.entity());
                lastSubject = subject.apply(version.entity());
                List<FieldChange> moved = new ArrayList<>();
                for (Map.Entry<String, String> field : after.entrySet()) {
                    String old = before.getOrDefault(field.getKey(), "");
                    if (!Objects.equals(old, field.getValue())) {
                        moved.add(new FieldChange(field.getKey(), old, field.getValue()));
                    }
                }
                Kind kind = version.type() == RevisionType.ADD ? Kind.CREATED : Kind.CHANGED;
                if (kind == Kind.CREATED || !moved.isEmpty()) {
                    changes.add(new Change(
                            version.revision().getChangedAt(),
                            version.revision().getUsername(),
                            lastSubject,
                            kind,
                            moved));
                }
                before = after;
            }
        }
        return changes;
    }

    private static Map<String, String> fieldsOf(Commitment c) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", c.getTitle());
        fields.put("status", c.getStatus().label());
        fields.put("owner", c.getOwner().getDisplayName());
        fields.put(
                "collaborators",
                c.getCollaborators().stream().map(Person::getDisplayName).collect(Collectors.joining(", ")));
        fields.put("position", String.valueOf(c.getPosition()));
        fields.put("target date", Objects.toString(c.getTargetDate(), ""));
        fields.put("summary", c.getSummary());
        fields.put(
                "carried over to",
                c.getCarriedTo() == null
                        ? ""
                        : c.getCarriedTo().getCycle().getName() + " #"
                                + c.getCarriedTo().getPosition());
        return fields;
    }

    private static Map<String, String> fieldsOf(SpecLink l) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", l.getTitle());
        fields.put("address", l.getUrl());
        fields.put("kind", l.getKind().label());
        fields.put("state", l.getState().label() + (l.isSourceBlocked() ? " (blocked by a −2)" : ""));
        fields.put(
                "kept by",
                l.getSourceKind() == null
                        ? ""
                        : l.isDetached()
                                ? "nobody: detached from " + l.getSourceHost()
                                : l.getSourceKind().label() + " at " + l.getSourceHost());
        fields.put("source says", SourceWords.of(l));
        return fields;
    }

    private static Map<String, String> fieldsOf(CheckIn c) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", c.getStatus().label());
        fields.put("note", c.getNote());
        fields.put("percent done", c.getPercentDone() == null ? "" : c.getPercentDone() + "%");
        fields.put("date", c.getCheckedOn().toString());
        fields.put("author", c.getAuthor());
        return fields;
    }
}
