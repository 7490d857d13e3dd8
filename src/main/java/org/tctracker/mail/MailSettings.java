package org.tctracker.mail;

import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tracker's mail settings ({@code tracker.mail.*}); the mail server itself is Spring Boot's
 * {@code spring.mail.*}, and mail is off until {@code spring.mail.host} is set.
 *
 * @param from the sender, such as {@code TC Tracker <tc-tracker@example.org>}
 * @param baseUrl the public address the mails link to, such as https://tc.example.org
 * @param digestTo where the weekly digest goes (the community list); none sends it to no list
 * @param remindAt when the running server sends reminders, a weekday and a time in tracker.zone
 * @param digestAt when it sends the digest
 */
@ConfigurationProperties("tracker.mail")
public record MailSettings(
        @DefaultValue("TC Tracker <tc-tracker@localhost>") String from,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @Nullable String digestTo,
        @DefaultValue("MON 09:00") String remindAt,
        @DefaultValue("FRI 15:00") String digestAt) {

    private static final Pattern WHEN = Pattern.compile("(MON|TUE|WED|THU|FRI|SAT|SUN) ([01]\\d|2[0-3]):([0-5]\\d)");

    public MailSettings {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        cron(remindAt);
        cron(digestAt);
    }

    /** "MON 09:00" as a cron expression Spring reads: second, minute, hour, day, month, weekday. */
    public static String cron(String when) {
        Matcher m = WHEN.matcher(when.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "A mail time is a weekday and a time, such as MON 09:00 (not \"" + when + "\")");
        }
        LocalTime time = LocalTime.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        return "0 " + time.getMinute() + " " + time.getHour() + " * * " + m.group(1);
    }
}
