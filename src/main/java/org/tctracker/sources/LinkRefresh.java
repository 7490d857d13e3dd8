package org.tctracker.sources;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tctracker.commitment.LinkKind;
import org.tctracker.commitment.LinkReadings;
import org.tctracker.commitment.LinkReadings.Target;
import org.tctracker.commitment.LinkState;
import org.tctracker.commitment.SourceKind;
import org.tctracker.commitment.SourceReading;
import org.tctracker.system.RecordsVersion;

/**
 * Reads links at their sources and saves what they say. A source that cannot be read leaves the
 * link's last state in place and says why; what could be read is saved all the same.
 */
@Component
public class LinkRefresh {

    private static final Logger log = LoggerFactory.getLogger(LinkRefresh.class);

    /** Links read at once in a round; each server still gets at most four of them. */
    private static final int READERS = 8;

    private final LinkReadings readings;
    private final KnownSources sources;
    private final RecordsVersion records;
    private final SourceClient client;
    private final Clock clock;

    public LinkRefresh(LinkReadings readings, KnownSources sources, RecordsVersion records, Clock clock) {
        this.readings = readings;
        this.sources = sources;
        this.records = records;
        this.clock = clock;
        this.client = new SourceClient(clock);
    }

    /** A link whose source said something new. */
    public record Change(
            long linkId, long commitmentId, String url, String name, LinkState before, LinkState after, String words) {}

    /** A link whose source could not be read. */
    public record Failure(long linkId, long commitmentId, String url, String host, String reason) {}

    /** What a round did: how many links were read, which changed, which could not be read. */
    public record Report(int read, List<Change> changed, List<Failure> failures) {}

    private record Result(@Nullable Change change, @Nullable Failure failure) {}

    /** Reads every link a source keeps, or those of one cycle. */
    public Report refresh(@Nullable Long cycleId) {
        int attached = readings.attach(sources);
        // A server taken out of the settings is not asked any more; its links keep their last state.
        List<Target> targets = readings.following(cycleId).stream()
                .filter(target -> sources.configured(target.source(), target.server()))
                .toList();
        if (targets.isEmpty()) {
            if (attached > 0) {
                records.touch();
            }
            return new Report(0, List.of(), List.of());
        }
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(READERS, targets.size()), work -> {
            Thread thread = new Thread(work, "link-reader-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<Future<Result>> results = new ArrayList<>();
        try {
            for (Target target : targets) {
                results.add(pool.submit(() -> read(target)));
            }
            List<Change> changed = new ArrayList<>();
            List<Failure> failures = new ArrayList<>();
            int read = 0;
            for (Future<Result> future : results) {
                Result result = future.get();
                if (result.failure() != null) {
                    failures.add(result.failure());
                } else {
                    read++;
                    if (result.change() != null) {
                        changed.add(result.change());
                    }
                }
            }
            records.touch();
            return new Report(read, List.copyOf(changed), List.copyOf(failures));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The refresh was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Reading a link failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads one link, if a source keeps it; the rest of the page's links are left for the round. */
    public Optional<Report> refreshLink(long linkId) {
        Optional<Target> target = readings.following(linkId).filter(t -> sources.configured(t.source(), t.server()));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Result result = read(target.get());
        records.touch();
        return Optional.of(new Report(
                result.failure() == null ? 1 : 0,
                result.change() == null ? List.of() : List.of(result.change()),
                result.failure() == null ? List.of() : List.of(result.failure())));
    }

    private Result read(Target target) {
        try {
            SourceReading reading = ask(target);
            return readings.record(target, reading, clock.instant())
                    .filter(LinkReadings.Outcome::changed)
                    .map(outcome -> new Result(
                            new Change(
                                    target.linkId(),
                                    target.commitmentId(),
                                    target.url(),
                                    outcome.name(),
                                    outcome.before(),
                                    outcome.after(),
                                    words(reading)),
                            null))
                    .orElse(new Result(null, null));
        } catch (SourceClient.Unreadable | SourceAnswers.Malformed e) {
            String reason = e.getMessage();
            log.info("Link {} ({}) could not be read at {}: {}", target.linkId(), target.url(), target.host(), reason);
            readings.failed(target, reason, clock.instant());
            return new Result(
                    null, new Failure(target.linkId(), target.commitmentId(), target.url(), target.host(), reason));
        } catch (RuntimeException e) {
            log.warn("Link {} ({}) could not be read at {}", target.linkId(), target.url(), target.host(), e);
            String reason = "failed: " + e.getClass().getSimpleName();
            readings.failed(target, reason, clock.instant());
            return new Result(
                    null, new Failure(target.linkId(), target.commitmentId(), target.url(), target.host(), reason));
        }
    }

    /** Asks the link's source, through its API (or, for specs.openstack.org, from the address alone). */
    private SourceReading ask(Target target) throws SourceClient.Unreadable, SourceAnswers.Malformed {
        return ask(client, target.source(), target.server(), target.url(), target.kind());
    }

    /** Asks a source what it says of an address it serves. */
    static SourceReading ask(SourceClient client, SourceKind source, String server, String url, LinkKind kind)
            throws SourceClient.Unreadable, SourceAnswers.Malformed {
        String unserved = "the address is no longer one this source serves";
        return switch (source) {
            case GERRIT -> {
                var api = KnownSources.gerritApi(server, url).orElseThrow(() -> new SourceAnswers.Malformed(unserved));
                yield SourceAnswers.gerrit(client.get(server, api), kind, KnownSources.gerritNumber(server, url));
            }
            case LAUNCHPAD -> {
                var record =
                        KnownSources.launchpadApi(server, url).orElseThrow(() -> new SourceAnswers.Malformed(unserved));
                String body = client.get(server, record.api());
                yield record.bug()
                        ? SourceAnswers.bug(body, record.name(), record.target())
                        : SourceAnswers.blueprint(body, record.name());
            }
            case STORYBOARD -> {
                var api = KnownSources.storyApi(server, url).orElseThrow(() -> new SourceAnswers.Malformed(unserved));
                yield SourceAnswers.story(client.get(server, api), KnownSources.storyNumber(server, url));
            }
            case SPECS_SITE ->
                SourceAnswers.specsPage(
                        KnownSources.specsPage(url).orElseThrow(() -> new SourceAnswers.Malformed(unserved)));
        };
    }

    /** The source's words, as the page and the command print them. */
    static String words(SourceReading reading) {
        StringBuilder words = new StringBuilder(reading.status());
        if (reading.patchSet() != null) {
            words.append(", patch set ").append(reading.patchSet());
        }
        if (!reading.detail().isEmpty()) {
            words.append(" · ").append(reading.detail());
        }
        return words.toString();
    }
}
