package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    final Markdown markdown = new Markdown();

    @Test
    void rendersTheUsualMarkdown() {
        assertThat(markdown.toHtml("*Spec* up for **review**:\n\n- one\n- two"))
                .contains("<em>Spec</em>", "<strong>review</strong>", "<li>one</li>");
    }

    @Test
    void escapesRawHtml() {
        assertThat(markdown.toHtml("<script>alert(1)</script> <b onclick=x>hi</b>"))
                .doesNotContain("<script>", "<b ")
                .contains("&lt;script&gt;");
    }

    @Test
    void keepsOnlyWebLinks() {
        assertThat(markdown.toHtml("[ok](https://review.openstack.org/1)"))
                .contains("href=\"https://review.openstack.org/1\"", "rel=\"nofollow noopener noreferrer\"");
        assertThat(markdown.toHtml(
                        "[bad](javascript:alert(1)) [worse](data:text/html,x) ![img](data:image/png;base64,AA)"))
                .doesNotContain("javascript:", "data:");
        assertThat(markdown.toHtml("<javascript:alert(1)>")).doesNotContain("href=\"javascript");
    }
}
