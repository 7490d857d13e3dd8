package org.tctracker.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Every answer, page, file or error, carries the same protective headers. */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityHeadersTest {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @ValueSource(
            strings = {"/", "/commitments/1", "/login", "/css/tracker.css", "/commitments/999999", "/?status=nonsense"})
    void everyAnswerCarriesTheHeaders(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();

        assertThat(response.getHeader("Content-Security-Policy"))
                .isEqualTo("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                        + "form-action 'self'; frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("Strict-Transport-Security")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/css/tracker.css"})
    void overHttpsBrowsersAreToldToStayOnHttps(String path) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(path).secure(true)).andReturn().getResponse();

        assertThat(response.getHeader("Strict-Transport-Security")).startsWith("max-age=");
    }
}
