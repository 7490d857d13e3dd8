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
import org.jspecify.annotations.Nullable;
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

    /** A page of changes, newest first, and the revision to ask for the page older than it, if any. */
    public record Page(List<Change> changes, @Nullable Long older) {}

    /** How many saved change sets a history page shows. */
    public static final int PAGE_SIZE = 50;

    /** Every change, newest first (for records of a modest age: commands and tests). */
    @Transactional(readOnly = true)
    public List<Change> of(long commitmentId) {
        return page(commitmentId, null, Integer.MAX_VALUE).changes();
    }

    /**
     * The changes of the newest {@code size} saved change sets before the revision {@code before}
     * (all of them when it is null). It reads those change sets and, for each record, the version
     * just before them: a fixed number of statements, and work in proportion to the page and the
     * commitment's links and check-ins, never to the age of its history.
     */
    @Transactional(readOnly = true)
    public Page page(long commitmentId, @Nullable Long before, int size) {
        List<Long> revisions = entityManager
                .createNativeQuery("""
                        select rev from (
                            select rev from commitment_aud where id = :id
                            union select rev from spec_link_aud where commitment_id = :id
                            union select rev from check_in_aud where commitment_id = :id) r
                        where rev < :before order by rev desc""")
                .setParameter("id", commitmentId)
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setMaxResults(size == Integer.MAX_VALUE ? Integer.MAX_VALUE : size + 1)
                .getResultList()
                .stream()
                .map(rev -> ((Number) rev).longValue())
                .toList();
        if (revisions.isEmpty()) {
            return new Page(List.of(), null);
        }
        boolean more = revisions.size() > size;
        List<Long> shown = more ? revisions.subList(0, size) : revisions;
        long newest = shown.get(0);
        long oldest = shown.get(shown.size() - 1);
        List<Change> changes = new ArrayList<>();
        List<Saved> commitmentVersions = new ArrayList<>();
        for (Version<Commitment> version :
                versions(Commitment.class, AuditEntity.id().eq(commitmentId), oldest, newest)) {
            commitmentVersions.add(new Saved(
                    version.id(),
                    version.revision().getChangedAt(),
                    version.revision().getUsername(),
                    version.type(),
                    "Commitment",
                    version.type() == RevisionType.DEL ? Map.of() : fieldsOf(version.entity()),
                    version.shown()));
        }
        changes.addAll(tell(commitmentVersions));
        changes.addAll(tell(linkVersions(commitmentId, oldest, newest)));
        changes.addAll(tell(checkInVersions(commitmentId, oldest, newest)));
        changes.sort(Comparator.comparing(Change::when).reversed());
        return new Page(changes, more ? oldest : null);
    }

    private record Version<T>(T entity, Revision revision, RevisionType type, Object id, boolean shown) {}

    /**
     * The versions saved between two revisions, each record's latest version before them first
     * (to compare the first shown one with; not shown itself), in revision order.
     */
    private <T> List<Version<T>> versions(
            Class<T> type, org.hibernate.envers.query.criteria.AuditCriterion which, long oldest, long newest) {
        List<Version<T>> versions = new ArrayList<>();
        if (oldest > 1) {
            read(
                    AuditReaderFactory.get(entityManager)
                            .createQuery()
                            .forRevisionsOfEntity(type, false, true)
                            .add(which)
                            .add(AuditEntity.revisionNumber()
                                    .maximize()
                                    .computeAggregationInInstanceContext()
                                    .add(AuditEntity.revisionNumber().lt(oldest))),
                    false,
                    versions);
        }
        read(
                AuditReaderFactory.get(entityManager)
                        .createQuery()
                        .forRevisionsOfEntity(type, false, true)
                        .add(which)
                        .add(AuditEntity.revisionNumber().between(oldest, newest))
                        .addOrder(AuditEntity.revisionNumber().asc()),
                true,
                versions);
        return versions;
    }

    private <T> void read(org.hibernate.envers.query.AuditQuery query, boolean shown, List<Version<T>> into) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        for (Object[] row : rows) {
            @SuppressWarnings("unchecked")
            T entity = (T) row[0];
            Object id = entityManager
                    .getEntityManagerFactory()
                    .getPersistenceUnitUtil()
                    .getIdentifier(entity);
            into.add(new Version<>(entity, (Revision) row[1], (RevisionType) row[2], id, shown));
        }
    }

    /** One saved version of a record, as the history compares them: its fields by name. */
    private record Saved(
            Object id,
            Instant when,
            String who,
            RevisionType type,
            String subject,
            Map<String, String> fields,
            boolean shown) {}

    /**
     * Links and check-ins are read as plain rows: each version names its commitment by id, and
     * reading them as entities would load the commitment's own version at every revision.
     */
    private static final String VERSIONS = """
            select a.id, a.revtype, r.changed_at, r.username, a.rev, %s
            from %s a join revision r on r.id = a.rev
            where a.commitment_id = :id and (a.rev between :oldest and :newest
                or a.rev = (select max(b.rev) from %s b where b.id = a.id and b.rev < :oldest))
            order by a.rev""";

    private List<Saved> linkVersions(long commitmentId, long oldest, long newest) {
        return rows(
                "spec_link_aud",
                "a.title, a.url, a.kind, a.state, a.source_kind, a.source, a.detached, a.source_status, a.source_since,"
                        + " a.source_patch_set, a.source_detail, a.source_blocked",
                commitmentId,
                oldest,
                newest,
                row -> "Link “" + row[5] + "”",
                CommitmentHistory::linkFields);
    }

    private List<Saved> checkInVersions(long commitmentId, long oldest, long newest) {
        return rows(
                "check_in_aud",
                "a.iso_week, a.status, a.note, a.percent_done, a.checked_on, a.author",
                commitmentId,
                oldest,
                newest,
                row -> "Check-in " + row[5],
                CommitmentHistory::checkInFields);
    }

    private List<Saved> rows(
            String table,
            String columns,
            long commitmentId,
            long oldest,
            long newest,
            Function<Object[], String> subject,
            Function<Object[], Map<String, String>> fields) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(VERSIONS.formatted(columns, table, table))
                .setParameter("id", commitmentId)
                .setParameter("oldest", oldest)
                .setParameter("newest", newest)
                .getResultList();
        List<Saved> saved = new ArrayList<>();
        for (Object[] row : rows) {
            RevisionType type = RevisionType.fromRepresentation(((Number) row[1]).byteValue());
            Instant when = Instant.ofEpochMilli(((Number) row[2]).longValue());
            String who = row[3] == null ? "system" : row[3].toString();
            long rev = ((Number) row[4]).longValue();
            boolean shown = rev >= oldest && rev <= newest;
            saved.add(new Saved(
                    ((Number) row[0]).longValue(),
                    when,
                    who,
                    type,
                    type == RevisionType.DEL || row[5] == null ? "" : subject.apply(row),
                    type == RevisionType.DEL ? Map.of() : fields.apply(row),
                    shown));
        }
        return saved;
    }

    /** Turns each record's successive versions into changes, comparing each with the one before. */
    private static List<Change> tell(List<Saved> versions) {
        Map<Object, List<Saved>> byRecord =
                versions.stream().collect(Collectors.groupingBy(Saved::id, LinkedHashMap::new, Collectors.toList()));
        List<Change> changes = new ArrayList<>();
        for (List<Saved> history : byRecord.values()) {
            Map<String, String> before = Map.of();
            String lastSubject = "";
            for (Saved version : history) {
                if (version.type() == RevisionType.DEL) {
                    if (version.shown()) {
                        changes.add(new Change(version.when(), version.who(), lastSubject, Kind.DELETED, List.of()));
                    }
                    continue;
                }
                Map<String, String> after = version.fields();
                lastSubject = version.subject();
                List<FieldChange> moved = new ArrayList<>();
                for (Map.Entry<String, String> field : after.entrySet()) {
                    String old = before.getOrDefault(field.getKey(), "");
                    if (!Objects.equals(old, field.getValue())) {
                        moved.add(new FieldChange(field.getKey(), old, field.getValue()));
                    }
                }
                Kind kind = version.type() == RevisionType.ADD ? Kind.CREATED : Kind.CHANGED;
                if (version.shown() && (kind == Kind.CREATED || !moved.isEmpty())) {
                    changes.add(new Change(version.when(), version.who(), lastSubject, kind, moved));
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

    private static Map<String, String> linkFields(Object[] row) {
        Map<String, String> fields = new LinkedHashMap<>();
        String sourceKind = (String) row[9];
        String source = (String) row[10];
        boolean detached = Boolean.TRUE.equals(row[11]);
        boolean blocked = Boolean.TRUE.equals(row[16]);
        fields.put("title", text(row[5]));
        fields.put("address", text(row[6]));
        fields.put(
                "kind", row[7] == null ? "" : LinkKind.valueOf((String) row[7]).label());
        fields.put(
                "state",
                row[8] == null
                        ? ""
                        : LinkState.valueOf((String) row[8]).label() + (blocked ? " (blocked by a −2)" : ""));
        String host = source == null ? "" : new WebAddress(source).host();
        fields.put(
                "kept by",
                sourceKind == null
                        ? ""
                        : detached
                                ? "nobody: detached from " + host
                                : SourceKind.valueOf(sourceKind).label() + " at " + host);
        String words = SourceWords.of(
                (String) row[12], instant(row[13]), row[14] == null ? null : ((Number) row[14]).intValue(), (String)
                        row[15]);
        fields.put("source says", words == null ? "" : words);
        return fields;
    }

    private static Map<String, String> checkInFields(Object[] row) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(
                "status", row[6] == null ? "" : Status.valueOf((String) row[6]).label());
        fields.put("note", text(row[7]));
        fields.put("percent done", row[8] == null ? "" : ((Number) row[8]).intValue() + "%");
        fields.put("date", text(row[9]));
        fields.put("author", text(row[10]));
        return fields;
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    private static @Nullable Instant instant(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.time.OffsetDateTime at) {
            return at.toInstant();
        }
        if (value instanceof java.time.Instant at) {
            return at;
        }
        if (value instanceof java.sql.Timestamp at) {
            return at.toInstant();
        }
        return java.time.OffsetDateTime.parse(value.toString()).toInstant();
    }
}
