package org.tctracker.commitment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An absolute http or https address, safe to put in a page's {@code href}. Thymeleaf writes links
 * as given, so anything that reaches a page must have been checked here first.
 */
public record WebAddress(String value) {

    public static final int MAX_LENGTH = 2048;

    public WebAddress {
        Optional<String> problem = problemWith(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        // Stored with a lower-case scheme, as browsers and the database's own check expect.
        int colon = value.indexOf(':');
        value = value.substring(0, colon).toLowerCase(Locale.ROOT) + value.substring(colon);
    }

    private static final Pattern WITH_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:(?!\\d)");

    /**
     * The address as a person means it when they type it without a scheme, such as
     * {@code review.opendev.org/c/openstack/nova/+/1}: with {@code https://} in front. Text that
     * names a scheme of its own ({@code javascript:}, {@code ftp://}) is left for the check to
     * refuse; a host with a port ({@code example.org:8080/x}) is not a scheme.
     */
    public static String completed(String typed) {
        String text = typed.strip();
        if (text.isEmpty() || WITH_SCHEME.matcher(text).find()) {
            return text;
        }
        if (text.startsWith("//")) {
            return "https:" + text;
        }
        return text.startsWith("/") ? text : "https://" + text;
    }

    /** The host, in lower case. */
    public String host() {
        String host = URI.create(value).getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    /** The path, without the query or fragment; empty for none. */
    public String path() {
        String path = URI.create(value).getRawPath();
        return path == null ? "" : path;
    }

    /** Why the text is not an acceptable web address, or empty when it is. */
    public static Optional<String> problemWith(String text) {
        if (text.isEmpty()) {
            return Optional.of("Enter an address starting with http:// or https://.");
        }
        if (text.length() > MAX_LENGTH) {
            return Optional.of("Addresses are limited to " + MAX_LENGTH + " characters.");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                return Optional.of("Addresses cannot contain spaces or control characters.");
            }
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of("This is not a valid web address.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("Only http:// and https:// addresses are allowed.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("The address needs a host name, as in https://review.openstack.org/.");
        }
        return Optional.empty();
    }
}
