package org.tctracker.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tctracker.commitment.SourceKind;
import org.tctracker.commitment.WebAddress;

/** Which address the public sources serve, with the settings' defaults. */
class KnownSourcesTest {

    final KnownSources sources = new KnownSources(new LinkSettings(
            List.of("https://review.opendev.org"),
            List.of("https://api.launchpad.net/devel"),
            List.of("https://storyboard.openstack.org"),
            Duration.ofHours(1)));

    @ParameterizedTest
    @CsvSource({
        "https://review.opendev.org/c/openstack/oslo-specs/+/245422, GERRIT, https://review.opendev.org",
        "https://review.opendev.org/c/openstack/oslo-specs/+/245422/3/specs/x.rst, GERRIT, https://review.opendev.org",
        "https://review.opendev.org/#/c/245422/, GERRIT, https://review.opendev.org",
        "https://review.opendev.org/245422, GERRIT, https://review.opendev.org",
        "https://Review.OpenDev.org/c/openstack/nova/+/1, GERRIT, https://review.opendev.org",
        "https://blueprints.launchpad.net/nova/+spec/cells-v2, LAUNCHPAD, https://api.launchpad.net/devel",
        "https://bugs.launchpad.net/nova/+bug/1526145, LAUNCHPAD, https://api.launchpad.net/devel",
        "https://bugs.launchpad.net/+bug/1526145, LAUNCHPAD, https://api.launchpad.net/devel",
        "https://storyboard.openstack.org/#!/story/2004321, STORYBOARD, https://storyboard.openstack.org",
        "https://specs.openstack.org/openstack/nova-specs/specs/mitaka/approved/cells.html, SPECS_SITE,"
                + " https://specs.openstack.org",
        "https://specs.openstack.org/openstack/nova-specs/specs/liberty/implemented/cells.html, SPECS_SITE,"
                + " https://specs.openstack.org"
    })
    void theirAddressesAreRecognised(String url, SourceKind kind, String server) {
        assertThat(sources.recognise(new WebAddress(url))).hasValueSatisfying(served -> {
            assertThat(served.kind()).isEqualTo(kind);
            assertThat(served.server()).isEqualTo(server);
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://review.opendev.org/q/topic:python3",
                "https://review.opendev.org.evil.example/c/openstack/nova/+/1",
                "https://review.openstack.org/c/openstack/nova/+/1",
                "https://launchpad.net/nova",
                "https://storyboard.openstack.org/#!/project/openstack/nova",
                "https://specs.openstack.org/openstack/oslo-specs/specs/mitaka/no-incubator-api-freedom.html",
                "https://lists.openstack.org/pipermail/openstack-dev/2016-January/084681.html"
            })
    void otherAddressesAreNot(String url) {
        assertThat(sources.recognise(new WebAddress(url))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aChangeIsAskedForByProjectAndNumberAndAnOlderAddressByNumber() {
        assertThat(KnownSources.gerritApi(
                                "https://review.opendev.org",
                                "https://review.opendev.org/c/openstack/oslo-specs/+/245422")
                        .orElseThrow())
                .hasToString("https://review.opendev.org/changes/openstack%2Foslo-specs~245422"
                        + "?o=LABELS&o=DETAILED_LABELS&o=DETAILED_ACCOUNTS&o=CURRENT_REVISION");
        assertThat(KnownSources.gerritApi("https://review.opendev.org", "https://review.opendev.org/#/c/245422/")
                        .orElseThrow()
                        .getPath())
                .isEqualTo("/changes/245422");
    }

    @org.junit.jupiter.api.Test
    void theLinkFormSaysWhenLinksAreReadAgain() {
        assertThat(sources.rereadWords()).isEqualTo("every hour");
        assertThat(new KnownSources(new LinkSettings(List.of(), List.of(), List.of(), Duration.ofMinutes(15)))
                        .rereadWords())
                .isEqualTo("every 15 minutes");
    }
}
