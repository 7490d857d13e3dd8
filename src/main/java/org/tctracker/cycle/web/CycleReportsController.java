package org.tctracker.cycle.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.tctracker.commitment.Activity;
import org.tctracker.commitment.CycleBoard;
import org.tctracker.commitment.CycleBoards;
import org.tctracker.cycle.CycleCatalog;
import org.tctracker.cycle.CycleTerm;
import org.tctracker.cycle.IsoWeek;
import org.tctracker.cycle.ReleaseCalendar;
import org.tctracker.goal.Goals;
import org.tctracker.report.AtomFeed;
import org.tctracker.report.CsvExport;
import org.tctracker.report.WeeklyDigest;
import org.tctracker.system.KeptFragments;
import org.tctracker.system.Markdown;
import org.tctracker.system.RecordNotFoundException;
import org.tctracker.system.RecordsVersion;

/** What outsiders read of a cycle: the weekly digest (as Markdown and as a page), its spreadsheets and feed. */
@Controller
class CycleReportsController {

    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CycleCatalog cycles;
    private final CycleBoards boards;
    private final WeeklyDigest digest;
    private final Activity activity;
    private final AtomFeed feed;
    private final RecordsVersion version;
    private final ExportGate largeFiles = new ExportGate(2, 4, Duration.ofSeconds(20));
    private final Markdown markdown;
    private final Clock clock;

    private final Goals goals;
    private final KeptFragments kept;

    CycleReportsController(
            CycleCatalog cycles,
            CycleBoards boards,
            WeeklyDigest digest,
            Activity activity,
            AtomFeed feed,
            RecordsVersion version,
            Markdown markdown,
            Clock clock,
            Goals goals,
            KeptFragments kept) {
        this.goals = goals;
        this.kept = kept;
        this.cycles = cycles;
        this.boards = boards;
        this.digest = digest;
        this.activity = activity;
        this.feed = feed;
        this.version = version;
        this.markdown = markdown;
        this.clock = clock;
    }

    /** The weekly digest, as the mailing list gets it; {@code ?week=2015-W46} for another week. */
    @GetMapping("/cycles/{slug}/report.md")
    ResponseEntity<String> markdown(
            @PathVariable String slug, @RequestParam(name = "week", required = false) @Nullable IsoWeek week) {
        KeptFragments.Moment at = kept.now();
        CycleTerm cycle = cycle(slug);
        return ResponseEntity.ok()
                .contentType(MARKDOWN)
                .cacheControl(CacheControl.noCache())
                .body(digestOf(cycle, WeeklyDigest.weekOf(cycle, week, at.day()), at));
    }

    /** The same digest as a page, with a choice of week, for reading before it is sent. */
    @GetMapping("/cycles/{slug}/report")
    String preview(
            @PathVariable String slug,
            @RequestParam(name = "week", required = false) @Nullable IsoWeek week,
            Model model) {
        KeptFragments.Moment at = kept.now();
        CycleTerm cycle = cycle(slug);
        LocalDate today = at.day();
        IsoWeek shown = WeeklyDigest.weekOf(cycle, week, today);
        List<ReleaseCalendar.Week> weeks = new ArrayList<>(cycle.weeksUntil(today));
        Collections.reverse(weeks);
        model.addAttribute("cycle", cycle);
        model.addAttribute("weeks", weeks);
        model.addAttribute("shown", shown.toString());
        model.addAttribute(
                "digestHtml",
                kept.keep(
                        at,
                        "digest-page:" + cycle.slug() + ":" + shown,
                        () -> demoteHeadings(markdown.toHtml(digestOf(cycle, shown, at)))));
        model.addAttribute("feedCycle", cycle.slug());
        model.addAttribute("feedCycleName", cycle.name());
        return "cycle/report";
    }

    /** The digest reads the same for everyone, so it is made once for each state of the records. */
    private String digestOf(CycleTerm cycle, IsoWeek week, KeptFragments.Moment at) {
        return kept.keep(
                at,
                "digest:" + cycle.slug() + ":" + week,
                () -> digest.render(boards.detailed(cycle, at.day()), boards.checkInsOf(cycle), week));
    }

    @GetMapping("/cycles/{slug}/commitments.csv")
    void commitmentsCsv(@PathVariable String slug, HttpServletResponse response) throws IOException {
        CycleTerm cycle = cycle(slug);
        CycleBoard board = boards.detailed(cycle, LocalDate.now(clock));
        try (Writer out = csv(response, cycle.slug() + "-commitments.csv")) {
            CsvExport.commitments(board, out);
        }
    }

    /**
     * Every note of the cycle: megabytes for a long cycle. The file is not held a second time to
     * compute its tag; the tag names the records' state (and the file's format) instead, which
     * moves with every change, so polling an unchanged file reads no notes.
     */
    @GetMapping("/cycles/{slug}/check-ins.csv")
    void checkInsCsv(@PathVariable String slug, ServletWebRequest request, HttpServletResponse response)
            throws IOException {
        CycleTerm cycle = cycle(slug);
        ShallowEtagHeaderFilter.disableContentCaching(request.getRequest());
        String tag = "W/\"check-ins-v" + CsvExport.CHECK_INS_FORMAT + "-" + cycle.slug() + "-" + version.fingerprint()
                + "\"";
        if (request.checkNotModified(tag)) {
            return;
        }
        try {
            largeFiles.run(cycle.slug(), () -> {
                CycleBoard board = boards.of(cycle, LocalDate.now(clock));
                var checkIns = boards.checkInsOf(cycle);
                try (Writer out = csv(response, cycle.slug() + "-check-ins.csv")) {
                    CsvExport.checkIns(board, checkIns, out);
                }
            });
        } catch (RuntimeException | IOException e) {
            if (!response.isCommitted()) {
                response.setHeader(HttpHeaders.ETAG, null); // the tag names a file this answer does not hold
            }
            throw e;
        }
    }

    @GetMapping("/cycles/{slug}/feed.atom")
    void feed(@PathVariable String slug, HttpServletResponse response) throws IOException, XMLStreamException {
        CycleTerm cycle = cycle(slug);
        feed.write(
                response,
                "TC Tracker: " + cycle.name() + " cycle",
                "feed:" + cycle.slug(),
                "/cycles/" + cycle.slug(),
                "/cycles/" + cycle.slug() + "/feed.atom",
                activity.latest(cycle),
                goals.latestChanges(cycle.id(), Activity.LIMIT),
                cycle.startsOn().atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * The page has its own title, so the digest's headings step down a level. Raw HTML in the text
     * was escaped by the renderer, so every {@code <hN>} here is a heading the renderer made.
     */
    static String demoteHeadings(String html) {
        String demoted = html;
        for (int level = 5; level >= 1; level--) {
            demoted = demoted.replace("<h" + level + ">", "<h" + (level + 1) + ">")
                    .replace("</h" + level + ">", "</h" + (level + 1) + ">");
        }
        return demoted;
    }

    private CycleTerm cycle(String slug) {
        return cycles.bySlug(slug).orElseThrow(() -> RecordNotFoundException.of("cycle", slug));
    }

    private static Writer csv(HttpServletResponse response, String filename) throws IOException {
        return CsvExport.download(response, filename);
    }
}
