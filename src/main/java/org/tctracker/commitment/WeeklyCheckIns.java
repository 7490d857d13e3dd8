package org.tctracker.commitment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tctracker.account.TrackerUser;
import org.tctracker.system.ChangeRefusedException;

/**
 * The weekly routine: one form over a cycle, a row for each commitment the person may update,
 * saved all together or not at all. Each row remembers what it showed when the form was opened, so
 * a check-in someone else made meanwhile is never overwritten.
 */
@Service
public class WeeklyCheckIns {

    /** The loaded version of a row that had no check-in yet this week. */
    public static final long NO_CHECK_IN = -1;

    private final Commitments commitments;
    private final CheckInService service;
    private final CommitmentPermissions permissions;

    WeeklyCheckIns(Commitments commitments, CheckInService service, CommitmentPermissions permissions) {
        this.commitments = commitments;
        this.service = service;
        this.permissions = permissions;
    }

    /**
     * What the weekly form shows: its rows, in order, with each commitment's check-in this week
     * (if any), its latest before this week (if any) and its links.
     */
    public record Sheet(
            List<Commitment> rows,
            Map<Long, Commitment> inCycle,
            Map<Long, CheckIn> thisWeek,
            Map<Long, CheckIn> lastWeek,
            Map<Long, List<SpecLink>> links) {

        /** Whether the person may change this row today: it is on the form. */
        boolean onForm(Commitment commitment) {
            return commitment.getStatus().isOpen() || thisWeek.containsKey(commitment.getId());
        }
    }

    /** A row the person changed, with the version of this week's check-in the form was loaded with. */
    public record Entry(int row, CheckInDraft draft, long loadedVersion) {}

    /** Why a row cannot be saved, and which of its fields to show it beside. */
    public record Refusal(int row, String field, String message) {}

    /**
     * The rows the person may update: the open commitments, and those closed by a check-in this
     * week, so that a Done ticked by mistake can be put back before the week is out. Their own come
     * first, then the others they may update (an admin's), in the cycle's order.
     */
    @Transactional(readOnly = true)
    public Sheet sheet(TrackerUser user, long cycleId) {
        List<Commitment> inCycle = commitments.findByCycleWithPeople(cycleId);
        Map<Long, CheckIn> thisWeek = byCommitment(service.thisWeeksIn(cycleId));
        Map<Long, CheckIn> lastWeek = byCommitment(service.beforeThisWeekIn(cycleId));
        Map<Long, List<SpecLink>> links = new LinkedHashMap<>();
        for (SpecLink link : commitments.findLinksOfCycle(cycleId)) {
            links.computeIfAbsent(link.getCommitment().getId(), k -> new ArrayList<>())
                    .add(link);
        }
        Map<Long, Commitment> byId = inCycle.stream()
                .collect(Collectors.toMap(Commitment::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Sheet unsorted = new Sheet(List.of(), byId, thisWeek, lastWeek, links);
        List<Commitment> rows = inCycle.stream()
                .filter(unsorted::onForm)
                .filter(c -> permissions.mayChange(user, c))
                .sorted(Comparator.comparing((Commitment c) -> !permissions.holds(user, c))
                        .thenComparingInt(Commitment::getPosition))
                .toList();
        return new Sheet(rows, byId, thisWeek, lastWeek, links);
    }

    /**
     * Why any of these rows cannot be saved as they stand: the commitment was closed or handed to
     * someone else since the form was opened, or someone else checked in on it meanwhile.
     */
    @Transactional(readOnly = true)
    public List<Refusal> refusals(TrackerUser user, long cycleId, List<Entry> entries) {
        return refusals(user, sheet(user, cycleId), entries);
    }

    /** Records every row or none: when any is refused now, nothing is saved. */
    @Transactional
    public List<CheckIn> record(TrackerUser user, long cycleId, List<Entry> entries) {
        List<Refusal> refused = refusals(user, sheet(user, cycleId), entries);
        if (!refused.isEmpty()) {
            throw new ChangeRefusedException(
                    "rows[" + refused.get(0).row() + "]." + refused.get(0).field(),
                    refused.get(0).message());
        }
        List<CheckIn> recorded = new ArrayList<>();
        for (Entry entry : entries) {
            recorded.add(service.record(user, entry.draft()));
        }
        return recorded;
    }

    private List<Refusal> refusals(TrackerUser user, Sheet sheet, List<Entry> entries) {
        List<Refusal> refusals = new ArrayList<>();
        for (Entry entry : entries) {
            Commitment commitment = sheet.inCycle().get(entry.draft().commitmentId());
            if (commitment == null) {
                throw new ChangeRefusedException(
                        "rows", "The form has a row for a commitment that is not in this cycle.");
            }
            if (!sheet.onForm(commitment) || !permissions.mayChange(user, commitment)) {
                refusals.add(new Refusal(
                        entry.row(),
                        "note",
                        "Since you opened the form this commitment was closed or handed to someone else; "
                                + "put this row back as it was, or reload the page."));
                continue;
            }
            CheckIn stored = sheet.thisWeek().get(commitment.getId());
            long storedVersion = stored == null ? NO_CHECK_IN : stored.getVersion();
            if (storedVersion != entry.loadedVersion()) {
                refusals.add(new Refusal(
                        entry.row(),
                        "note",
                        "Someone else checked in on this since you opened the form"
                                + (stored == null ? "" : " (“" + abbreviate(stored.getNote()) + "”)")
                                + "; reload the page to see theirs, then add yours."));
            }
        }
        return refusals;
    }

    private static Map<Long, CheckIn> byCommitment(List<CheckIn> checkIns) {
        Map<Long, CheckIn> byCommitment = new LinkedHashMap<>();
        for (CheckIn checkIn : checkIns) {
            byCommitment.put(checkIn.getCommitmentId(), checkIn);
        }
        return byCommitment;
    }

    private static String abbreviate(@Nullable String text) {
        String line = text == null ? "" : text.strip().replace('\n', ' ');
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }
}
