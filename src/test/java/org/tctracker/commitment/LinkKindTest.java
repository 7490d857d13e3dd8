package org.tctracker.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A pasted address says what it points at, and one typed without a scheme means https. */
class LinkKindTest {

    @ParameterizedTest
    @CsvSource({
        "https://review.opendev.org/c/openstack/nova/+/12345, REVIEW",
        "https://review.opendev.org/c/openstack/oslo-specs/+/189003, SPEC",
        "https://review.openstack.org/#/c/189003/, REVIEW",
        "https://specs.openstack.org/openstack/oslo-specs/specs/mitaka/no-incubator-api-freedom.html, SPEC",
        "http://lists.openstack.org/pipermail/openstack-dev/2016-March/087980.html, MAILING_LIST",
        "https://etherpad.opendev.org/p/tc-mitaka, ETHERPAD",
        "https://wiki.openstack.org/wiki/Governance, WIKI",
    })
    void theKindIsToldFromTheAddress(String address, LinkKind kind) {
        assertThat(LinkKind.guessFrom(new WebAddress(address))).contains(kind);
    }

    @ParameterizedTest
    @CsvSource({"https://example.org/spec", "https://github.com/openstack/nova-specs"})
    void anAddressThatSaysNothingIsNotGuessed(String address) {
        assertThat(LinkKind.guessFrom(new WebAddress(address))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "review.opendev.org/c/openstack/nova/+/12345, https://review.opendev.org/c/openstack/nova/+/12345",
        "'  example.org:8080/spec  ', https://example.org:8080/spec",
        "//lists.openstack.org/x, https://lists.openstack.org/x",
        "https://example.org/, https://example.org/",
        "HTTP://example.org/, HTTP://example.org/",
        "javascript:alert(1), javascript:alert(1)",
        "ftp://example.org/spec, ftp://example.org/spec",
        "/commitments/1, /commitments/1",
    })
    void anAddressWithoutASchemeGetsHttpsAndOthersAreLeftForTheCheck(String typed, String completed) {
        assertThat(WebAddress.completed(typed)).isEqualTo(completed);
    }
}
