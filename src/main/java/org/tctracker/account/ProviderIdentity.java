package org.tctracker.account;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Who the identity provider says signed in: its issuer and subject, and what it tells about them. */
record ProviderIdentity(
        String issuer,
        String subject,
        @Nullable String email,
        boolean emailVerified,
        @Nullable String name,
        @Nullable String preferredUsername,
        Map<String, Object> claims) {

    static ProviderIdentity of(OidcUser user) {
        String email = user.getEmail();
        return new ProviderIdentity(
                String.valueOf(user.getIssuer()),
                user.getSubject(),
                email == null || email.isBlank() ? null : email.strip(),
                Boolean.TRUE.equals(user.getEmailVerified()),
                user.getFullName(),
                user.getPreferredUsername(),
                user.getClaims());
    }

    /** A username for a new account, before checking that nobody has it: "jdoe", "jane.doe". */
    String usernameHint() {
        for (String candidate : new String[] {
            preferredUsername, email == null ? null : email.substring(0, Math.max(0, email.indexOf('@'))), name
        }) {
            if (candidate == null) {
                continue;
            }
            String shaped = candidate
                    .strip()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("\\s+", ".")
                    .replaceAll("[^a-z0-9._-]", "")
                    .replaceAll("^[._-]+", "");
            if (shaped.length() > 30) {
                shaped = shaped.substring(0, 30);
            }
            if (shaped.length() >= 2) {
                return shaped;
            }
        }
        return "member";
    }

    @Nullable
    String shortName() {
        return name == null ? null : name.length() > 200 ? name.substring(0, 200) : name;
    }

    @Nullable
    String shortEmail() {
        return email == null || email.length() > 254 ? null : email;
    }
}
