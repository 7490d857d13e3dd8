package org.tctracker.commitment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the sources said about the links they serve: the links to read, and each reading saved. A
 * reading that changes what the source said (the state, its own status word, the details, the
 * patch set) is history: it is saved as a revision signed {@value #AUTHOR} and dated by the source's own
 * time. A reading that changes nothing only moves "last read"; a failure keeps the last state
 * and records what went wrong. Plain SQL, so the {@code sync} command uses it too.
 */
@Component
public class LinkReadings {

    /** The author of the changes a reading makes, in the history and the feeds. */
    public static final String AUTHOR = "sync";

    private static final int MAX_ERROR_LENGTH = 300;

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public LinkReadings(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** A link to read, with what its source said last. */
    public record Target(
            long linkId,
            long commitmentId,
            String title,
            String url,
            LinkKind kind,
            SourceKind source,
            String server,
            LinkState state,
            @Nullable String status,
            @Nullable Instant since,
            @Nullable String detail,
            @Nullable Integer patchSet,
            boolean blocked,
            @Nullable Instant syncedAt,
            Instant createdAt) {

        /** The server's host, as a person names it. */
        public String host() {
            return new WebAddress(server).host();
        }
    }

    /** What saving a reading did: whether the source said anything new, and the state before and after. */
    public record Outcome(Target target, boolean changed, LinkState before, LinkState after, String name) {}

    private static final String TARGETS = """
            select l.id, l.commitment_id, l.title, l.url, l.kind, l.source_kind, l.source, l.state,
                l.source_status, l.source_since, l.source_detail, l.source_patch_set, l.source_blocked,
                l.synced_at, l.created_at
            from spec_link l join commitment c on c.id = l.commitment_id
            where l.source_kind is not null and not l.detached""";

    /** Every link a source keeps, or those of one cycle; in the order they were added. */
    public List<Target> following(@Nullable Long cycleId) {
        return cycleId == null
                ? jdbc.sql(TARGETS + " order by l.id")
                        .query(LinkReadings::target)
                        .list()
                : jdbc.sql(TARGETS + " and c.cycle_id = ? order by l.id")
                        .param(cycleId)
                        .query(LinkReadings::target)
                        .list();
    }

    /** The link, if a source still keeps it. */
    public Optional<Target> following(long linkId) {
        return jdbc.sql(TARGETS + " and l.id = ?")
                .param(linkId)
                .query(LinkReadings::target)
                .optional();
    }

    /**
     * Links nobody detached whose addresses a source serves but that are not yet its (an import, a
     * server added to the settings): they become that source's. Returns how many.
     */
    public int attach(LinkSources sources) {
        record Unserved(long id, String url) {}
        List<Unserved> unserved = jdbc.sql("select id, url from spec_link where source_kind is null and not detached")
                .query((rs, n) -> new Unserved(rs.getLong(1), rs.getString(2)))
                .list();
        int attached = 0;
        for (Unserved link : unserved) {
            Optional<LinkSources.Served> served = sources.recognise(new WebAddress(link.url()));
            if (served.isPresent()) {
                attached += jdbc.sql("update spec_link set source_kind = ?, source = ?"
                                + " where id = ? and url = ? and source_kind is null")
                        .params(served.get().kind().name(), served.get().server(), link.id(), link.url())
                        .update();
            }
        }
        return attached;
    }

    /**
     * Saves a reading. Nothing is saved when the link was removed, detached or given another
     * address while it was being read.
     */
    public Optional<Outcome> record(Target target, SourceReading reading, Instant readAt) {
        boolean changed = target.state() != reading.state()
                || !Objects.equals(target.status(), reading.status())
                || !Objects.equals(target.since(), reading.since())
                || !Objects.equals(Objects.toString(target.detail(), ""), reading.detail())
                || !Objects.equals(target.patchSet(), reading.patchSet())
                || target.blocked() != reading.blocked();
        String name = limited(reading.name(), 200);
        Integer saved = transactions.execute(status -> {
            if (!changed) {
                return jdbc.sql(
                                "update spec_link set synced_at = ?, sync_error = null, sync_failed_at = null,"
                                        + " source_name = ? where id = ? and url = ? and source_kind is not null and not detached")
                        .params(timestamp(readAt), name, target.linkId(), target.url())
                        .update();
            }
            Instant at = when(reading, target, readAt);
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("insert into revision (changed_at, username) values (?, ?)")
                    .params(at.toEpochMilli(), AUTHOR)
                    .update(keys, "id");
            long revision = revisionId(keys);
            int updated = jdbc.sql("""
                            update spec_link set state = ?, source_status = ?, source_since = ?, source_detail = ?,
                                source_patch_set = ?, source_blocked = ?, source_name = ?, synced_at = ?,
                                sync_error = null, sync_failed_at = null, version = version + 1, updated_at = ?
                            where id = ? and url = ? and source_kind is not null and not detached""")
                    .params(
                            reading.state().name(),
                            limited(reading.status(), 60),
                            timestamp(reading.since()),
                            limited(reading.detail(), 200),
                            reading.patchSet(),
                            reading.blocked(),
                            name,
                            timestamp(readAt),
                            timestamp(readAt),
                            target.linkId(),
                            target.url())
                    .update();
            if (updated == 0) {
                status.setRollbackOnly();
                return 0;
            }
            jdbc.sql("""
                            insert into spec_link_aud (id, rev, revtype, commitment_id, title, url, kind, state,
                                source_kind, source, detached, source_status, source_since, source_detail,
                                source_patch_set, source_blocked)
                            select id, ?, 1, commitment_id, title, url, kind, state, source_kind, source, detached,
                                source_status, source_since, source_detail, source_patch_set, source_blocked
                            from spec_link where id = ?""").params(revision, target.linkId()).update();
            return updated;
        });
        if (saved == null || saved == 0) {
            return Optional.empty();
        }
        return Optional.of(new Outcome(target, changed, target.state(), reading.state(), name));
    }

    /** Records that the source could not be read; the state it gave last stays. */
    public void failed(Target target, String error, Instant at) {
        jdbc.sql("update spec_link set sync_error = ?, sync_failed_at = ?"
                        + " where id = ? and url = ? and source_kind is not null and not detached")
                .params(limited(error, MAX_ERROR_LENGTH), timestamp(at), target.linkId(), target.url())
                .update();
    }

    /**
     * What happened in each commitment's links since its last check-in (or since it was made),
     * as the readings saved it: a new status, a new patch set, new votes. For the weekly form.
     */
    public Map<Long, List<String>> newsSinceLastCheckIn(long cycleId) {
        record Row(
                long linkId,
                long commitmentId,
                String name,
                String author,
                Instant at,
                @Nullable Instant lastCheckIn,
                @Nullable String status,
                @Nullable String detail,
                @Nullable Integer patchSet) {}
        List<Row> rows = jdbc.sql("""
                        select a.id, l.commitment_id, coalesce(l.source_name, l.title), r.username, r.changed_at,
                            (select max(ci.created_at) from check_in ci where ci.commitment_id = l.commitment_id),
                            a.source_status, a.source_detail, a.source_patch_set
                        from spec_link_aud a
                        join revision r on r.id = a.rev
                        join spec_link l on l.id = a.id
                        join commitment c on c.id = l.commitment_id
                        where c.cycle_id = ? and l.source_kind is not null
                        order by a.id, a.rev""")
                .param(cycleId)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        Objects.toString(rs.getString(4), "system"),
                        Instant.ofEpochMilli(rs.getLong(5)),
                        instant(rs, 6),
                        rs.getString(7),
                        rs.getString(8),
                        (Integer) rs.getObject(9)))
                .list();
        Map<Long, List<String>> news = new LinkedHashMap<>();
        Row before = null;
        for (Row row : rows) {
            if (before != null && before.linkId() != row.linkId()) {
                before = null;
            }
            boolean fresh = row.author().equals(AUTHOR)
                    && (row.lastCheckIn() == null || row.at().isAfter(row.lastCheckIn()));
            if (fresh) {
                List<String> lines = news.computeIfAbsent(row.commitmentId(), k -> new ArrayList<>());
                String date = ", " + DAY.format(row.at());
                if (row.status() != null && !Objects.equals(row.status(), before == null ? null : before.status())) {
                    lines.add(row.name() + ": " + row.status().toLowerCase(java.util.Locale.ROOT) + date);
                }
                // The first reading says only where the link stood; what moved is told after it.
                boolean readBefore = before != null && before.status() != null;
                if (readBefore
                        && row.patchSet() != null
                        && before.patchSet() != null
                        && row.patchSet() > before.patchSet()) {
                    lines.add(row.name() + ": new patch set " + row.patchSet() + date);
                }
                if (readBefore
                        && row.detail() != null
                        && !row.detail().isEmpty()
                        && !Objects.equals(row.detail(), before.detail())) {
                    lines.add(row.name() + ": now " + row.detail() + date);
                }
            }
            before = row;
        }
        news.values().removeIf(List::isEmpty);
        return news;
    }

    /**
     * When the change the source reports happened, by its own clock: the moment its status began,
     * else its last change; never before the link was added nor after it was read.
     */
    private static Instant when(SourceReading reading, Target target, Instant readAt) {
        boolean newStatus = !Objects.equals(target.status(), reading.status());
        Instant told = newStatus && reading.since() != null ? reading.since() : reading.changedAt();
        if (told == null || told.isAfter(readAt)) {
            return readAt;
        }
        return told.isBefore(target.createdAt()) ? target.createdAt() : told;
    }

    /** The id the database gave the new revision (H2 names the key ID, PostgreSQL id). */
    private static long revisionId(KeyHolder keys) {
        for (Map<String, Object> row : keys.getKeyList()) {
            for (Map.Entry<String, Object> key : row.entrySet()) {
                if (key.getKey().equalsIgnoreCase("id") && key.getValue() instanceof Number id) {
                    return id.longValue();
                }
            }
        }
        throw new IllegalStateException("The database did not say which id it gave the revision: " + keys.getKeyList());
    }

    private static Target target(ResultSet rs, int n) throws SQLException {
        return new Target(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                LinkKind.valueOf(rs.getString(5)),
                SourceKind.valueOf(rs.getString(6)),
                rs.getString(7),
                LinkState.valueOf(rs.getString(8)),
                rs.getString(9),
                instant(rs, 10),
                rs.getString(11),
                (Integer) rs.getObject(12),
                rs.getBoolean(13),
                instant(rs, 14),
                Objects.requireNonNull(instant(rs, 15)));
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String limited(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
