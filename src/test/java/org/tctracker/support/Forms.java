package org.tctracker.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Fills in a rendered form the way a browser sends it: every field with its current value. */
public final class Forms {

    private Forms() {}

    /** The values a browser would submit for the form matching {@code selector}, by field name. */
    public static Map<String, List<String>> values(Document page, String selector) {
        Element form = page.selectFirst(selector);
        if (form == null) {
            throw new AssertionError("No form " + selector + " on the page");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String name = input.attr("name");
            String type = input.attr("type");
            if (name.equals("_csrf") || input.hasAttr("disabled")) {
                continue;
            }
            if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                values.putIfAbsent(name, new java.util.ArrayList<>());
                continue;
            }
            String value;
            if (input.tagName().equals("select")) {
                Element selected = input.selectFirst("option[selected]");
                value = selected != null
                        ? selected.attr("value")
                        : input.select("option").first().attr("value");
            } else if (input.tagName().equals("textarea")) {
                value = input.wholeText().startsWith("\n") ? input.wholeText().substring(1) : input.wholeText();
            } else {
                value = input.attr("value");
            }
            values.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
        }
        return values;
    }

    /** A POST of these values, with a valid CSRF token. */
    public static MockHttpServletRequestBuilder post(String action, Map<String, List<String>> values) {
        MockHttpServletRequestBuilder request =
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(action)
                        .with(csrf());
        values.forEach((name, list) -> list.forEach(value -> request.param(name, value)));
        return request;
    }

    /**
     * The form's fields with one value each, as a browser sends a form without multiple choices;
     * an unchecked box or an empty list becomes an empty value. Without the CSRF token.
     */
    public static Map<String, String> firstValues(Document page, String selector) {
        Map<String, String> fields = new LinkedHashMap<>();
        values(page, selector).forEach((name, list) -> fields.put(name, list.isEmpty() ? "" : list.get(0)));
        return fields;
    }

    /** The values with some fields replaced. */
    public static Map<String, List<String>> with(Map<String, List<String>> values, String... pairs) {
        Map<String, List<String>> changed = new LinkedHashMap<>(values);
        for (int i = 0; i < pairs.length; i += 2) {
            changed.put(pairs[i], List.of(pairs[i + 1]));
        }
        return changed;
    }
}
