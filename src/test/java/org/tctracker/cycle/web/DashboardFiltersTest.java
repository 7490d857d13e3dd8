package org.tctracker.cycle.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.tctracker.support.Html;

/** The filters live in the address, so a filtered dashboard can be bookmarked and shared. */
@SpringBootTest
@AutoConfigureMockMvc
class DashboardFiltersTest {

    @Autowired
    MockMvc mvc;

    @Test
    void statusFilterKeepsOnlyMatchingRowsButCountsStayWhole() throws Exception {
        Document page = Html.parse(mvc.perform(get("/?status=in-progress"))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(Html.texts(page, "table.commitments tbody tr td:nth-child(1)"))
                .containsExactly("2");
        assertThat(page.selectFirst(".status-counts li").text()).isEqualTo("9 commitments");
        assertThat(page.selectFirst("#filter-status option[selected]").attr("value"))
                .isEqualTo("in-progress");
        assertThat(page.select("a:contains(Clear filters)")).hasSize(1);
    }

    @Test
    void repeatedStatusesAreCombined() throws Exception {
        Document page = Html.parse(mvc.perform(get("/cycles/mitaka?status=in-progress&status=NOT_STARTED"))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(page.select("table.commitments tbody tr")).hasSize(9);
    }

    @Test
    void closedShowsAFriendlyEmptyResult() throws Exception {
        Document page = Html.parse(
                mvc.perform(get("/?status=closed")).andExpect(status().isOk()).andReturn());

        assertThat(page.select("table.commitments")).isEmpty();
        assertThat(page.text()).contains("No commitments match these filters.");
    }

    @Test
    void ownerFilterUsesTheIrcNick() throws Exception {
        Document mine = Html.parse(mvc.perform(get("/?owner=lifeless")).andReturn());
        Document nobody = Html.parse(
                mvc.perform(get("/?owner=ttx")).andExpect(status().isOk()).andReturn());

        assertThat(mine.select("table.commitments tbody tr")).hasSize(9);
        assertThat(mine.selectFirst("#filter-owner option[selected]").attr("value"))
                .isEqualTo("lifeless");
        assertThat(nobody.select("table.commitments tbody tr")).isEmpty();
        assertThat(nobody.text()).contains("No commitments match these filters.");
    }

    @Test
    void anEmptyFilterFromTheFormMeansNoFilter() throws Exception {
        Document page = Html.parse(
                mvc.perform(get("/?status=&owner=")).andExpect(status().isOk()).andReturn());

        assertThat(page.select("table.commitments tbody tr")).hasSize(9);
        assertThat(page.select("a:contains(Clear filters)")).isEmpty();
    }

    @Test
    void anUnknownStatusIsABadRequestThatSaysWhichStatusesExist() throws Exception {
        Document page = Html.parse(mvc.perform(get("/?status=finished<script>"))
                .andExpect(status().isBadRequest())
                .andReturn());

        assertThat(page.selectFirst(".error-message").text())
                .contains("There is no status called \"finished<script>\"", "in-progress");
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("nav[aria-label=Main]")).hasSize(1);
    }
}
