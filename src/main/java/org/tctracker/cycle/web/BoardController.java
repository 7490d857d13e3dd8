package org.tctracker.cycle.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tctracker.account.TrackerUser;
import org.tctracker.commitment.BoardLine;
import org.tctracker.commitment.CycleBoard;
import org.tctracker.commitment.CycleBoards;
import org.tctracker.commitment.Staleness;
import org.tctracker.commitment.Status;
import org.tctracker.cycle.CycleCatalog;
import org.tctracker.cycle.CycleTerm;
import org.tctracker.cycle.web.Dashboard.DashboardFilter;
import org.tctracker.goal.Goals;
import org.tctracker.goal.Progress;
import org.tctracker.system.BadRequestException;
import org.tctracker.system.ErrorResponses;
import org.tctracker.system.KeptFragments;
import org.tctracker.system.RecordNotFoundException;

/** A cycle's board: the current cycle's at {@code /}, any cycle's at {@code /cycles/{slug}}. */
@Controller
class BoardController {

    private final CycleCatalog cycles;
    private final CycleBoards boards;
    private final Staleness staleness;
    private final Clock clock;
    private final Goals goals;
    private final KeptFragments fragments;

    BoardController(
            CycleCatalog cycles,
            CycleBoards boards,
            Staleness staleness,
            Clock clock,
            Goals goals,
            KeptFragments fragments) {
        this.goals = goals;
        this.fragments = fragments;
        this.cycles = cycles;
        this.boards = boards;
        this.staleness = staleness;
        this.clock = clock;
    }

    /** The current cycle's dashboard: the page people bookmark. */
    @GetMapping("/")
    String current(
            @RequestParam(name = "status", required = false) @Nullable List<StatusChoice> status,
            @RequestParam(name = "owner", required = false) @Nullable String owner,
            @RequestParam(name = "sort", required = false) @Nullable String sort,
            @RequestParam(name = "group", required = false) @Nullable String group,
            @AuthenticationPrincipal @Nullable TrackerUser user,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        DashboardFilter filter = filterFrom(status, owner);
        return cycles.current(today)
                .map(cycle -> render(cycle, filter, sort, group, today, "dashboard", "/", user, model))
                .orElse("cycle/no-cycles");
    }

    @GetMapping("/cycles/{slug}")
    String cycle(
            @PathVariable String slug,
            @RequestParam(name = "status", required = false) @Nullable List<StatusChoice> status,
            @RequestParam(name = "owner", required = false) @Nullable String owner,
            @RequestParam(name = "sort", required = false) @Nullable String sort,
            @RequestParam(name = "group", required = false) @Nullable String group,
            @AuthenticationPrincipal @Nullable TrackerUser user,
            Model model) {
        LocalDate today = LocalDate.now(clock);
        DashboardFilter filter = filterFrom(status, owner);
        CycleTerm cycle = cycles.bySlug(slug).orElseThrow(() -> RecordNotFoundException.of("cycle", slug));
        return render(cycle, filter, sort, group, today, "cycles", "/cycles/" + cycle.slug(), user, model);
    }

    private String render(
            CycleTerm cycle,
            DashboardFilter filter,
            @Nullable String sort,
            @Nullable String group,
            LocalDate today,
            String menu,
            String here,
            @Nullable TrackerUser user,
            Model model) {
        Dashboard.Sort order = sort == null || sort.isBlank()
                ? Dashboard.Sort.POSITION
                : Dashboard.Sort.parse(sort).orElseThrow(() -> unknownChoice("order", sort, Dashboard.Sort.keys()));
        KeptFragments.Moment moment = fragments.now();
        CycleBoard board = boards.of(cycle, today);
        Long person = user == null ? null : user.personId();
        Set<Long> held = person == null
                ? Set.of()
                : board.lines().stream()
                        .filter(line -> line.heldBy(person))
                        .map(line -> line.id())
                        .collect(java.util.stream.Collectors.toUnmodifiableSet());
        Dashboard.Group grouping = group == null || group.isBlank()
                ? Dashboard.View.defaultGroupFor(!held.isEmpty())
                : Dashboard.Group.parse(group)
                        .orElseThrow(() -> unknownChoice("grouping", group, Dashboard.Group.keys()));
        Dashboard dashboard = new Dashboard(
                board,
                filter,
                new Dashboard.View(order, grouping, !held.isEmpty()),
                held,
                here,
                staleness,
                new CycleChart(board));
        Map<Long, Progress> acrossTeams =
                goals.progress(board.lines().stream().map(line -> line.id()).toList());
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("acrossTeams", acrossTeams);
        // The chart and the rows read the same for everyone: kept rendered until the records change.
        model.addAttribute(
                "chartHtml",
                fragments.render(
                        moment,
                        "cycle chart " + cycle.slug(),
                        "cycle/chart",
                        "chart",
                        Map.of("chart", dashboard.chart(), "cycle", cycle, "statuses", Status.values())));
        Map<Long, String> rows = new HashMap<>();
        for (BoardLine line : dashboard.allRows()) {
            rows.put(
                    line.id(),
                    fragments.render(
                            moment,
                            "cycle row " + line.id(),
                            "cycle/row",
                            "row",
                            Map.of("row", line, "dashboard", dashboard, "acrossTeams", acrossTeams)));
        }
        model.addAttribute("rowsHtml", rows);
        // So do the page's head, its counts and filters (for the same address) and its foot.
        Map<String, Object> parts = Map.of("dashboard", dashboard, "here", here, "statuses", Status.values());
        String address = cycle.slug() + " " + here + " " + filter + " " + dashboard.view();
        model.addAttribute(
                "headHtml", fragments.render(moment, "cycle head " + cycle.slug(), "cycle/board-parts", "head", parts));
        model.addAttribute(
                "toolsHtml", fragments.render(moment, "cycle tools " + address, "cycle/board-parts", "tools", parts));
        model.addAttribute(
                "footHtml", fragments.render(moment, "cycle foot " + cycle.slug(), "cycle/board-parts", "foot", parts));
        model.addAttribute("menu", menu);
        model.addAttribute("here", here);
        model.addAttribute("statuses", Status.values());
        model.addAttribute("feedCycle", cycle.slug());
        model.addAttribute("feedCycleName", cycle.name());
        return "cycle/board";
    }

    /** The filters as given in the address; statuses may repeat, and an empty one means none. */
    static DashboardFilter filterFrom(@Nullable List<StatusChoice> choices, @Nullable String owner) {
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        if (choices != null) {
            choices.stream().filter(Objects::nonNull).forEach(choice -> statuses.addAll(choice.statuses()));
        }
        String ownerNick = owner == null || owner.isBlank() ? null : owner.trim();
        return new DashboardFilter(statuses, ownerNick);
    }

    private static BadRequestException unknownChoice(String what, String text, String choices) {
        return new BadRequestException("There is no " + what + " called \"" + ErrorResponses.shorten(text)
                + "\". Choose one of " + choices + ".");
    }
}
