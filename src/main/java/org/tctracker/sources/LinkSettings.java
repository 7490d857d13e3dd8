package org.tctracker.sources;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the link sources are ({@code tracker.links.*}, or {@code TRACKER_LINKS_*}). Each server is
 * the start of the addresses it serves; a link whose address starts with one is that server's,
 * whatever its host, so a private deployment or a test names its own.
 *
 * @param gerritServers Gerrit servers, such as https://review.opendev.org
 * @param launchpadApi Launchpad's API roots; each also serves the addresses of the web hosts beside
 *     it (https://api.launchpad.net/devel serves https://blueprints.launchpad.net and
 *     https://bugs.launchpad.net)
 * @param storyboardServers StoryBoard servers, such as https://storyboard.openstack.org
 * @param refreshEvery how often the running server reads every link again; 0 turns it off
 */
@ConfigurationProperties("tracker.links")
public record LinkSettings(
        @DefaultValue("https://review.opendev.org") List<String> gerritServers,
        @DefaultValue("https://api.launchpad.net/devel") List<String> launchpadApi,
        @DefaultValue("https://storyboard.openstack.org") List<String> storyboardServers,
        @DefaultValue("1h") Duration refreshEvery) {

    public LinkSettings {
        gerritServers = trimmed(gerritServers);
        launchpadApi = trimmed(launchpadApi);
        storyboardServers = trimmed(storyboardServers);
    }

    /** The background refresh is on. */
    public boolean refreshes() {
        return !refreshEvery.isZero() && !refreshEvery.isNegative();
    }

    private static List<String> trimmed(List<String> servers) {
        return servers.stream()
                .map(String::strip)
                .filter(server -> !server.isEmpty())
                .map(server -> server.endsWith("/") ? server.substring(0, server.length() - 1) : server)
                .toList();
    }
}
