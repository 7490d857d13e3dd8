package org.tctracker.report.web;

import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tctracker.commitment.IsoWeek;
import org.tctracker.commitment.Staleness;
import org.tctracker.report.WeeklyDigest;
import org.tctracker.system.BadRequestException;

@Controller
class DigestController {

    private static final MediaType MARKDOWN =
            new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8);

    private final WeeklyDigest digest;
    private final Clock clock;

    DigestController(JdbcClient jdbc, Staleness staleness, Clock clock) {
        this.digest = new WeeklyDigest(jdbc, staleness);
        this.clock = clock;
    }

    /** The weekly digest, as the mailing list gets it; {@code ?week=2015-W46} for another week. */
    @GetMapping("/cycles/{slug}/report.md")
    ResponseEntity<String> markdown(
            @PathVariable String slug, @RequestParam(name = "week", required = false) @Nullable String week) {
        return ResponseEntity.ok()
                .contentType(MARKDOWN)
                .body(digest.render(slug, parseWeek(week), LocalDate.now(clock)));
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
