package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.tctracker.support.Html;

/** Addresses that name nothing get a 404 page in the application's layout, never a 500. */
@SpringBootTest
@AutoConfigureMockMvc
class ErrorPagesTest {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/commitments/999999",
                "/commitments/0",
                "/commitments/-1",
                "/commitments/abc",
                "/commitments/99999999999999999999999",
                "/commitments/1.5",
                "/people/424242",
                "/people/x",
                "/cycles/no-such-cycle",
            })
    void unknownOrMalformedIdsAnswerWithTheNotFoundPage(String address) throws Exception {
        Document page = Html.parse(
                mvc.perform(get(address)).andExpect(status().isNotFound()).andReturn());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(page.selectFirst(".error-message").text()).startsWith("There is");
        assertThat(page.select("nav[aria-label=Main] a"))
                .extracting(e -> e.text())
                .contains("Dashboard");
        assertThat(page.text()).doesNotContain("Exception", "at org.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/commitments/999999", "/cycles/no-such-cycle"})
    void theNotFoundPageSaysWhatWasMissing(String address) throws Exception {
        Document page = Html.parse(mvc.perform(get(address)).andReturn());

        assertThat(page.selectFirst(".error-message").text())
                .isIn("There is no commitment 999999.", "There is no cycle no-such-cycle.");
    }
}
