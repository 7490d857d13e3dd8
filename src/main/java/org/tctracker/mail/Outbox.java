package org.tctracker.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text mails through the configured SMTP server. Names and subjects never carry a line
 * break into the headers; each mail gets a Message-ID of the tracker's own, a Date, and for a
 * person's mail the one-click unsubscribe headers of RFC 8058.
 */
@Component
public class Outbox {

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t\\x00-\\x1f\\x7f\\u2028\\u2029]+");

    private final @Nullable JavaMailSender sender;
    private final MailSettings settings;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public Outbox(ObjectProvider<JavaMailSender> sender, MailSettings settings, Clock clock) {
        this(sender.getIfAvailable(), settings, clock);
    }

    public Outbox(@Nullable JavaMailSender sender, MailSettings settings, Clock clock) {
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    /** A mail server is configured (spring.mail.host). */
    public boolean enabled() {
        return sender != null;
    }

    /** One mail to one address; {@code unsubscribe} is the address that turns this kind of mail off. */
    public record Letter(
            String to,
            @Nullable String toName,
            String subject,
            String body,
            @Nullable String unsubscribe) {}

    /** Why a mail did not go. */
    public static class NotSent extends Exception {
        NotSent(String reason, @Nullable Throwable cause) {
            super(reason, cause);
        }
    }

    /** A Message-ID for a new mail, on the public address's host. */
    public String newMessageId() {
        String host = java.net.URI.create(settings.baseUrl()).getHost();
        return "<" + UUID.randomUUID() + "@" + (host == null ? "tc-tracker.invalid" : host) + ">";
    }

    /** Sends the letter with that Message-ID. */
    public void send(Letter letter, String messageId) throws NotSent {
        if (sender == null) {
            throw new NotSent("mail is off (spring.mail.host is not set)", null);
        }
        try {
            MimeMessage message = messageWithId(messageId);
            MimeMessageHelper mail = new MimeMessageHelper(message, false, "UTF-8");
            InternetAddress from = new InternetAddress(oneLine(settings.from()), true);
            mail.setFrom(from);
            mail.setTo(
                    letter.toName() == null
                            ? new InternetAddress(letter.to(), true)
                            : new InternetAddress(letter.to(), oneLine(letter.toName()), "UTF-8"));
            mail.setSubject(oneLine(letter.subject()));
            mail.setText(letter.body(), false);
            mail.setSentDate(Date.from(clock.instant()));
            if (letter.unsubscribe() != null) {
                message.setHeader("List-Unsubscribe", "<" + oneLine(letter.unsubscribe()) + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.setHeader("Auto-Submitted", "auto-generated");
            sender.send(message);
        } catch (MailAuthenticationException e) {
            throw new NotSent("the mail server refused the sign-in: " + e.getMessage(), e);
        } catch (MailException e) {
            Throwable root = e.getMostSpecificCause();
            throw new NotSent("the mail server could not be reached or refused the mail: " + root.getMessage(), e);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new NotSent("the mail could not be made: " + e.getMessage(), e);
        }
    }

    /** A message that keeps the Message-ID given, rather than making a new one when it is sent. */
    private MimeMessage messageWithId(String messageId) {
        Session session = sender instanceof JavaMailSenderImpl impl
                ? impl.getSession()
                : Session.getInstance(new java.util.Properties());
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
    }

    static String oneLine(String text) {
        return LINE_BREAKS.matcher(text).replaceAll(" ").strip();
    }
}
