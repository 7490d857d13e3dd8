package org.tctracker.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.tctracker.cycle.CycleCatalog;
import org.tctracker.sources.LinkRefresh;
import org.tctracker.sources.TopicRefresh;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every link a source keeps (or a cycle's) and saves what the sources say. Prints the links
 * that changed; names on stderr each link whose source could not be read, and exits 5 then.
 */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = "Read the links that Gerrit, Launchpad, StoryBoard or specs.openstack.org keep, and save"
                + " their states (exit 5 when a source could not be reached).")
class SyncCommand implements Callable<Integer> {

    enum Format {
        text,
        json
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--cycle", paramLabel = "SLUG", description = "Only this cycle's links (default: every cycle's).")
    @Nullable
    String cycle;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = CommandLineMode.open()) {
            Long cycleId = null;
            if (cycle != null) {
                LocalDate today = LocalDate.now(context.getBean(Clock.class));
                cycleId = CycleChoice.resolve(context.getBean(CycleCatalog.class), cycle, today, spec)
                        .id();
            }
            LinkRefresh.Report report = context.getBean(LinkRefresh.class).refresh(cycleId);
            // The goals' topics are not a cycle's; they are read when every cycle's links are.
            TopicRefresh.Report topics = cycleId == null
                    ? context.getBean(TopicRefresh.class).refresh()
                    : new TopicRefresh.Report(List.of(), List.of());
            print(report, topics);
            for (LinkRefresh.Failure failure : report.failures()) {
                CommandLineMode.err.println("tc-tracker sync: could not read " + failure.url() + " at " + failure.host()
                        + ": " + failure.reason());
            }
            for (TopicRefresh.Failure failure : topics.failures()) {
                CommandLineMode.err.println("tc-tracker sync: could not read the topic " + failure.topic() + " at "
                        + failure.server() + ": " + failure.reason());
            }
            for (TopicRefresh.LinkFailure failure : topics.linkFailures()) {
                CommandLineMode.err.println("tc-tracker sync: could not read " + failure.url() + " (a row of goal "
                        + failure.goalId() + "): " + failure.reason());
            }
            return report.failures().isEmpty()
                            && topics.failures().isEmpty()
                            && topics.linkFailures().isEmpty()
                    ? CommandLineMode.DONE
                    : CommandLineMode.UNREACHABLE;
        }
    }

    private void print(LinkRefresh.Report report, TopicRefresh.Report topics) {
        if (format == Format.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("read", report.read());
            json.put("changed", report.changed());
            json.put("failures", report.failures());
            json.put("topics", topics.read());
            json.put("topicFailures", topics.failures());
            CommandLineMode.out.println(JsonMapper.builder().build().writeValueAsString(json));
            return;
        }
        for (LinkRefresh.Change change : report.changed()) {
            String state = change.before() == change.after()
                    ? change.after().label()
                    : change.before().label() + " → " + change.after().label();
            CommandLineMode.out.println(
                    change.name() + ": " + state + " (" + change.words() + ") <" + change.url() + ">");
        }
        for (TopicRefresh.Read topic : topics.read()) {
            for (String moved : topic.moved()) {
                CommandLineMode.out.println("topic " + topic.topic() + ": " + moved);
            }
        }
    }
}
