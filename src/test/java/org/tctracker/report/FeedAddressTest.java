package org.tctracker.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** With the public address configured, a feed's links name it, whatever Host the request claims. */
@SpringBootTest(properties = "tracker.base-url=https://tc.example.org/")
@AutoConfigureMockMvc
class FeedAddressTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theFeedsLinksUseTheConfiguredAddress() throws Exception {
        String xml = mvc.perform(get("/cycles/mitaka/feed.atom").header("Host", "evil.example"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document feed = Jsoup.parse(xml, "", Parser.xmlParser());

        assertThat(feed.select("link").eachAttr("href"))
                .isNotEmpty()
                .allSatisfy(href -> assertThat(href).startsWith("https://tc.example.org/"))
                .contains("https://tc.example.org/cycles/mitaka/feed.atom", "https://tc.example.org/cycles/mitaka");
    }
}
