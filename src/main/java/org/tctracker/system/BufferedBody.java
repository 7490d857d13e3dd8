package org.tctracker.system;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request whose body the guard has read in full, within a size and a time limit, before anything
 * else sees it. Forms are parsed from that copy (UTF-8, strictly), so nothing downstream reads
 * from the client again.
 */
final class BufferedBody extends HttpServletRequestWrapper {

    /** The body was larger than the limit. */
    static final class TooLarge extends IOException {}

    /** The body did not arrive within the time limit. */
    static final class TooSlow extends IOException {}

    /** A form that is not UTF-8, or has more fields than any page sends. */
    static final class Malformed extends IOException {
        Malformed(String message) {
            super(message);
        }
    }

    private final byte[] body;
    private final Map<String, String[]> parameters;

    private BufferedBody(HttpServletRequest request, byte[] body, int maxParameters) throws Malformed {
        super(request);
        this.body = body;
        Map<String, List<String>> values = new LinkedHashMap<>();
        parse(request.getQueryString(), values, maxParameters);
        if (isForm(request.getContentType())) {
            parse(new String(body, StandardCharsets.ISO_8859_1), values, maxParameters);
        }
        Map<String, String[]> all = new LinkedHashMap<>();
        values.forEach((name, list) -> all.put(name, list.toArray(String[]::new)));
        this.parameters = Collections.unmodifiableMap(all);
    }

    /**
     * Reads the whole body: at most {@code maxBytes}, and all of it before {@code deadline} has
     * passed (a read waits at most the connector's own timeout for each piece).
     */
    static BufferedBody read(HttpServletRequest request, long maxBytes, Duration deadline, int maxParameters)
            throws IOException {
        long until = System.nanoTime() + deadline.toNanos();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        InputStream in = request.getInputStream();
        for (int n; (n = in.read(chunk)) != -1; ) {
            copy.write(chunk, 0, n);
            if (copy.size() > maxBytes) {
                throw new TooLarge();
            }
            if (System.nanoTime() - until > 0) {
                throw new TooSlow();
            }
        }
        return new BufferedBody(request, copy.toByteArray(), maxParameters);
    }

    static boolean isForm(@Nullable String contentType) {
        return contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static void parse(@Nullable String encoded, Map<String, List<String>> into, int maxParameters)
            throws Malformed {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        int count = into.values().stream().mapToInt(List::size).sum();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > maxParameters) {
                throw new Malformed("The form sent more fields than any page here has.");
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            into.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
    }

    /** Percent-decoding into bytes, then UTF-8 that must be valid: a wrong byte is refused, not replaced. */
    private static String decode(String text) throws Malformed {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%'
                    && i + 2 < text.length()
                    && hex(text.charAt(i + 1)) >= 0
                    && hex(text.charAt(i + 2)) >= 0) {
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else if (c == '%') {
                throw new Malformed(
                        "The request's text could not be read as UTF-8; send the form again from the page.");
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("The request's text could not be read as UTF-8; send the form again from the page.");
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    @Override
    public @Nullable String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String @Nullable [] getParameterValues(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("The body has been read already");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        return new BufferedReader(new InputStreamReader(
                new ByteArrayInputStream(body),
                encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
    }
}
