package org.tctracker.report.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import javax.xml.stream.XMLStreamException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.tctracker.commitment.Activity;
import org.tctracker.goal.Goals;
import org.tctracker.report.AtomFeed;

/** The feed of every cycle's check-ins and status changes; each cycle's own is on its pages. */
@Controller
class FeedController {

    private final Activity activity;
    private final AtomFeed feed;
    private final Goals goals;

    FeedController(Activity activity, AtomFeed feed, Goals goals) {
        this.goals = goals;
        this.activity = activity;
        this.feed = feed;
    }

    @GetMapping("/feed.atom")
    void everything(HttpServletResponse response) throws IOException, XMLStreamException {
        feed.write(
                response,
                "TC Tracker: check-ins and status changes",
                "feed",
                "/",
                "/feed.atom",
                activity.latest(null),
                goals.latestChanges(null, Activity.LIMIT),
                Instant.EPOCH);
    }
}
