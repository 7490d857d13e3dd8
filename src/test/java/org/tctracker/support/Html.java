package org.tctracker.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.test.web.servlet.MvcResult;

/** Reads a rendered page the way a test wants to look at it: as a DOM, and as the text a person sees. */
public final class Html {

    private Html() {}

    public static Document parse(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    public static List<String> texts(Document page, String cssQuery) {
        return page.select(cssQuery).stream().map(Element::text).toList();
    }
}
