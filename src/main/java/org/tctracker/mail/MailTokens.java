package org.tctracker.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed links for mails, which work without signing in: each names what it allows (one choice
 * of one person, or "no change" on one commitment in one week), until when, and carries an
 * HMAC-SHA256 of that under a key kept in the database, so any instance can check it and nobody
 * can make or change one without the key.
 */
@Component
public class MailTokens {

    /** What a token allows: a purpose and its fields, until a moment. */
    public record Claim(String purpose, List<String> fields, Instant expires) {}

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile byte[] key;

    public MailTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public String sign(String purpose, List<String> fields, Duration valid) {
        String payload = purpose + "|" + String.join("|", fields) + "|"
                + clock.instant().plus(valid).getEpochSecond();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(bytes) + "." + ENCODE.encodeToString(mac(bytes));
    }

    /** What the token allows, if it is one this tracker signed, for this purpose, and not expired. */
    public Optional<Claim> check(String token, String purpose) {
        int dot = token.indexOf('.');
        if (dot <= 0 || token.length() > 1000) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] given;
        try {
            payload = DECODE.decode(token.substring(0, dot));
            given = DECODE.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(payload), given)) {
            return Optional.empty();
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length < 2 || !parts[0].equals(purpose)) {
            return Optional.empty();
        }
        Instant expires;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(parts[parts.length - 1]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(expires)) {
            return Optional.empty();
        }
        return Optional.of(new Claim(parts[0], List.of(parts).subList(1, parts.length - 1), expires));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this Java", e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known != null) {
            return known;
        }
        String secret = jdbc.sql("select secret from mail_secret where id = 1")
                .query(String.class)
                .optional()
                .orElseGet(() -> {
                    byte[] fresh = new byte[32];
                    new SecureRandom().nextBytes(fresh);
                    try {
                        jdbc.sql("insert into mail_secret (id, secret) values (1, ?)")
                                .param(HexFormat.of().formatHex(fresh))
                                .update();
                    } catch (DuplicateKeyException madeElsewhere) {
                        // Another instance made it first: use theirs.
                    }
                    return jdbc.sql("select secret from mail_secret where id = 1")
                            .query(String.class)
                            .single();
                });
        key = HexFormat.of().parseHex(secret);
        return key;
    }
}
