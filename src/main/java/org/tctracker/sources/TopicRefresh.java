package org.tctracker.sources;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tctracker.commitment.LinkKind;
import org.tctracker.commitment.SourceReading;
import org.tctracker.goal.Goals;

/**
 * Reads each goal's Gerrit topic at the first Gerrit server of the settings, a page of changes at
 * a time, and gives the changes to the goal, which sets its rows from them. A topic that cannot be
 * read leaves the rows as they were and says why on the goal's page.
 */
@Component
public class TopicRefresh {

    private static final Logger log = LoggerFactory.getLogger(TopicRefresh.class);

    /** Changes per page; Gerrit's own default limit for anonymous queries is larger. */
    static final int PAGE = 100;
    /** More changes than any goal has had (python3 touched about 1,500). */
    static final int MOST_PAGES = 50;

    private final Goals goals;
    private final LinkSettings settings;
    private final SourceClient client;
    private final Clock clock;
    private final KnownSources sources;

    public TopicRefresh(Goals goals, LinkSettings settings, Clock clock) {
        this.goals = goals;
        this.sources = new KnownSources(settings);
        this.settings = settings;
        this.clock = clock;
        this.client = new SourceClient(clock);
    }

    /** A goal whose topic was read. */
    public record Read(long goalId, String topic, int changes, List<String> moved, List<String> unowned) {}

    /** A goal whose topic could not be read. */
    public record Failure(long goalId, String topic, String server, String reason) {}

    /** A row link whose source could not be read; it keeps what was read before. */
    public record LinkFailure(long goalId, String url, String reason) {}

    public record Report(List<Read> read, List<Failure> failures, List<LinkFailure> linkFailures) {
        public Report(List<Read> read, List<Failure> failures) {
            this(read, failures, List.of());
        }
    }

    /** Reads every goal's topic, then every row link a known source serves. */
    public Report refresh() {
        List<Read> read = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        readTopics(read, failures);
        List<LinkFailure> linkFailures = new ArrayList<>();
        for (Goals.RowLink link : goals.rowLinks()) {
            var served = sources.recognise(new org.tctracker.commitment.WebAddress(link.url()));
            if (served.isEmpty()) {
                continue;
            }
            try {
                SourceReading reading = LinkRefresh.ask(
                        client,
                        served.get().kind(),
                        served.get().server(),
                        link.url(),
                        link.planning() ? LinkKind.SPEC : LinkKind.REVIEW);
                goals.recordLinkState(link, reading.state().label() + " · " + LinkRefresh.words(reading));
            } catch (SourceClient.Unreadable | SourceAnswers.Malformed e) {
                log.info("A link of goal {} ({}) could not be read: {}", link.goalId(), link.url(), e.getMessage());
                linkFailures.add(new LinkFailure(link.goalId(), link.url(), e.getMessage()));
            }
        }
        return new Report(List.copyOf(read), List.copyOf(failures), List.copyOf(linkFailures));
    }

    private void readTopics(List<Read> read, List<Failure> failures) {
        List<Goals.Topic> topics = goals.withTopics();
        if (topics.isEmpty() || settings.gerritServers().isEmpty()) {
            return;
        }
        String server = settings.gerritServers().get(0);
        for (Goals.Topic topic : topics) {
            try {
                List<Goals.TopicChange> changes = changes(server, topic.topic());
                Goals.TopicOutcome outcome = goals.recordTopic(topic.goalId(), changes, clock.instant());
                read.add(
                        new Read(topic.goalId(), topic.topic(), outcome.changes(), outcome.moved(), outcome.unowned()));
            } catch (SourceClient.Unreadable | SourceAnswers.Malformed e) {
                log.info(
                        "The topic {} of goal {} could not be read at {}: {}",
                        topic.topic(),
                        topic.goalId(),
                        server,
                        e.getMessage());
                goals.topicFailed(topic.goalId(), e.getMessage());
                failures.add(new Failure(topic.goalId(), topic.topic(), server, e.getMessage()));
            }
        }
    }

    /** Every change that carries the topic, page after page while Gerrit says there are more. */
    List<Goals.TopicChange> changes(String server, String topic)
            throws SourceClient.Unreadable, SourceAnswers.Malformed {
        List<Goals.TopicChange> changes = new ArrayList<>();
        String query = URLEncoder.encode("topic:" + topic, StandardCharsets.UTF_8);
        for (int page = 0; page < MOST_PAGES; page++) {
            URI address = URI.create(server + "/changes/?q=" + query + "&n=" + PAGE + "&S=" + changes.size());
            SourceAnswers.TopicPage answer = SourceAnswers.topicPage(client.get(server, address), server);
            changes.addAll(answer.changes());
            if (!answer.more() || answer.changes().isEmpty()) {
                return changes;
            }
        }
        throw new SourceAnswers.Malformed("answered more than " + MOST_PAGES * PAGE + " changes for the topic");
    }
}
