package org.tctracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tctracker.account.AccountService;
import org.tctracker.account.Role;
import org.tctracker.support.OwnDatabase;

/**
 * A request whose Host header names another site never sends anyone there: redirects name paths,
 * and the sign-in goes back to the page that asked for it by its path.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@OwnDatabase
class ForgedHostTest {

    static final String PASSWORD = "mitaka gate stays green";

    @LocalServerPort
    int port;

    @Test
    void theSignInThatAForgedHostStartedEndsOnThisSite(@Autowired AccountService accounts) throws Exception {
        accounts.create("host-tester", Role.EDITOR, null, PASSWORD);

        String asked = exchange("GET /commitments/new HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(status(asked)).isEqualTo("302");
        assertThat(header(asked, "Location")).isEqualTo("/login");
        String session = cookie(asked);

        String form = exchange("GET /login HTTP/1.1\r\nHost: evil.example\r\nCookie: SESSION=" + session
                + "\r\nConnection: close\r\n\r\n");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(token.find()).isTrue();
        String body = "username=host-tester&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        String signedIn = exchange("POST /login HTTP/1.1\r\nHost: evil.example\r\nCookie: SESSION=" + session
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(status(signedIn)).isEqualTo("302");
        assertThat(header(signedIn, "Location")).startsWith("/commitments/new").doesNotContain("evil");
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String status(String response) {
        return response.substring(9, 12);
    }

    private static String header(String response, String name) {
        Matcher value = Pattern.compile("(?im)^" + name + ": ([^\r\n]*)").matcher(response);
        return value.find() ? value.group(1) : "";
    }

    private static String cookie(String response) {
        Matcher value = Pattern.compile("(?im)^Set-Cookie: SESSION=([^;]+)").matcher(response);
        assertThat(value.find()).isTrue();
        return value.group(1);
    }
}
