package org.tctracker.system;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.springframework.stereotype.Component;

/**
 * Renders summaries and notes written in Markdown (with GitHub-style tables) as HTML that is safe to put in a page: raw HTML
 * is escaped rather than passed through, and links and images keep only http and https addresses.
 */
@Component
public class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new WebOnly())
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (tagName.equals("a")) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                }
                // Table cells say their alignment with a class: "align" is obsolete HTML.
                String align = attributes.remove("align");
                if (align != null) {
                    attributes.put("class", "align-" + align);
                }
            })
            .build();

    public String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    /** Keeps http and https addresses and in-page anchors; anything else becomes an empty link. */
    private static final class WebOnly implements UrlSanitizer {

        @Override
        public String sanitizeLinkUrl(String url) {
            return allowed(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return allowed(url) ? url : "";
        }

        private static boolean allowed(String url) {
            for (int i = 0; i < url.length(); i++) {
                if (Character.isISOControl(url.charAt(i)) || Character.isWhitespace(url.charAt(i))) {
                    return false;
                }
            }
            if (url.startsWith("#")) {
                return true;
            }
            try {
                String scheme = URI.create(url).getScheme();
                return scheme != null
                        && (scheme.toLowerCase(Locale.ROOT).equals("http")
                                || scheme.toLowerCase(Locale.ROOT).equals("https"));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
