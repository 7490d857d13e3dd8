package org.tctracker.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebAddressTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://specs.openstack.org/openstack/oslo-specs/specs/mitaka/no-incubator-api-freedom.html",
                "http://lists.openstack.org/pipermail/openstack-dev/2016-March/087980.html",
                "https://review.openstack.org/#/c/189003/",
            })
    void acceptsAbsoluteWebAddresses(String text) {
        assertThat(WebAddress.problemWith(text)).isEmpty();
        assertThat(new WebAddress(text).value()).isEqualTo(text);
    }

    @org.junit.jupiter.api.Test
    void storesTheSchemeInLowerCaseAsTheDatabaseExpects() {
        assertThat(new WebAddress("HTTPS://etherpad.openstack.org/p/Mitaka-TC").value())
                .isEqualTo("https://etherpad.openstack.org/p/Mitaka-TC");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "java\tscript:alert(1)",
                "JaVaScRiPt:alert(1)",
                "data:text/html;base64,PHNjcmlwdD4=",
                "vbscript:msgbox",
                "ftp://example.org/spec",
                "//example.org/spec",
                "/commitments/1",
                "https://exa mple.org/",
                "https://example.org/\u0000",
                "https://example.org/\n",
                "https:///no-host",
                "",
            })
    void refusesAnythingElse(String text) {
        assertThat(WebAddress.problemWith(text)).isPresent();
        assertThatThrownBy(() -> new WebAddress(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void refusesAddressesLongerThan2048Characters() {
        String base = "https://example.org/";
        assertThat(WebAddress.problemWith(base + "a".repeat(2048 - base.length())))
                .isEmpty();
        assertThat(WebAddress.problemWith(base + "a".repeat(2049 - base.length())))
                .contains("Addresses are limited to 2048 characters.");
    }
}
