package org.tctracker.report.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.tctracker.commitment.IsoWeek;
import org.tctracker.commitment.ReleaseCalendar;
import org.tctracker.commitment.Staleness;
import org.tctracker.commitment.StatusHistory;
import org.tctracker.cycle.Cycle;
import org.tctracker.report.CsvExport;
import org.tctracker.report.CycleRecords;
import org.tctracker.report.CycleRecords.CycleRecord;
import org.tctracker.report.WeeklyDigest;
import org.tctracker.system.BadRequestException;
import org.tctracker.system.Markdown;
import org.tctracker.system.RecordNotFoundException;
import org.tctracker.system.RecordsVersion;

/** The weekly digest (as Markdown and as a page) and the cycle's spreadsheets. */
@Controller
class ReportController {

    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final WeeklyDigest digest;
    private final CycleRecords records;
    private final RecordsVersion version;
    private final ExportGate largeFiles = new ExportGate(2, Duration.ofSeconds(20));
    private final Markdown markdown;
    private final Clock clock;

    ReportController(
            JdbcClient jdbc,
            Staleness staleness,
            StatusHistory statusHistory,
            CycleRecords records,
            RecordsVersion version,
            Markdown markdown,
            Clock clock) {
        this.digest = new WeeklyDigest(jdbc, staleness, statusHistory);
        this.records = records;
        this.version = version;
        this.markdown = markdown;
        this.clock = clock;
    }

    /** The weekly digest, as the mailing list gets it; {@code ?week=2015-W46} for another week. */
    @GetMapping("/cycles/{slug}/report.md")
    ResponseEntity<String> markdown(
            @PathVariable String slug, @RequestParam(name = "week", required = false) @Nullable String week) {
        return ResponseEntity.ok()
                .contentType(MARKDOWN)
                .cacheControl(CacheControl.noCache())
                .body(digest.render(slug, parseWeek(week), LocalDate.now(clock)));
    }

    /** The same digest as a page, with a choice of week, for reading before it is sent. */
    @GetMapping("/cycles/{slug}/report")
    String preview(
            @PathVariable String slug,
            @RequestParam(name = "week", required = false) @Nullable String week,
            Model model) {
        CycleRecord cycle = cycle(slug);
        LocalDate today = LocalDate.now(clock);
        IsoWeek wanted = parseWeek(week);
        String text = digest.render(slug, wanted, today);
        Cycle asEntity = new Cycle(cycle.slug(), cycle.name(), cycle.summit(), cycle.startsOn(), cycle.endsOn());
        List<ReleaseCalendar.Week> weeks = new ArrayList<>(ReleaseCalendar.weeksOf(asEntity, today));
        Collections.reverse(weeks);
        IsoWeek shown = wanted != null ? wanted : IsoWeek.of(today.isAfter(cycle.endsOn()) ? cycle.endsOn() : today);
        model.addAttribute("cycle", cycle);
        model.addAttribute("weeks", weeks);
        model.addAttribute("shown", shown.toString());
        model.addAttribute("digestHtml", demoteHeadings(markdown.toHtml(text)));
        model.addAttribute("feedCycle", cycle.slug());
        model.addAttribute("feedCycleName", cycle.name());
        return "report/preview";
    }

    @GetMapping("/cycles/{slug}/commitments.csv")
    void commitmentsCsv(@PathVariable String slug, HttpServletResponse response) throws IOException {
        CycleRecord cycle = cycle(slug);
        var commitments = records.commitmentsOf(cycle, LocalDate.now(clock));
        try (Writer out = csv(response, cycle.slug() + "-commitments.csv")) {
            CsvExport.commitments(cycle, commitments, out);
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
        CycleRecord cycle = cycle(slug);
        ShallowEtagHeaderFilter.disableContentCaching(request.getRequest());
        String tag = "W/\"check-ins-v" + CsvExport.CHECK_INS_FORMAT + "-" + cycle.slug() + "-" + version.fingerprint()
                + "\"";
        if (request.checkNotModified(tag)) {
            return;
        }
        try {
            largeFiles.run(() -> {
                var commitments = records.commitmentsOf(cycle, LocalDate.now(clock));
                var checkIns = records.checkInsOf(cycle);
                try (Writer out = csv(response, cycle.slug() + "-check-ins.csv")) {
                    CsvExport.checkIns(cycle, commitments, checkIns, out);
                }
            });
        } catch (RuntimeException | IOException e) {
            if (!response.isCommitted()) {
                response.setHeader(HttpHeaders.ETAG, null); // the tag names a file this answer does not hold
            }
            throw e;
        }
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

    private CycleRecord cycle(String slug) {
        return records.cycle(slug).orElseThrow(() -> RecordNotFoundException.of("cycle", slug));
    }

    private static Writer csv(HttpServletResponse response, String filename) throws IOException {
        response.setContentType(CSV.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8)
                        .build()
                        .toString());
        Writer out = response.getWriter();
        // A byte-order mark, so Excel and LibreOffice open the file as UTF-8 without being asked.
        out.write(CsvExport.BYTE_ORDER_MARK);
        return out;
    }

    static @Nullable IsoWeek parseWeek(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return IsoWeek.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Give the week as year, W and number, such as 2015-W46.");
        }
    }
}
