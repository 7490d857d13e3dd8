package org.tctracker.account;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * An account signed in through the identity provider. It is a {@link TrackerUser} to the rest of
 * the application, and keeps the provider's ID token so that signing out can end the session at
 * the provider too.
 */
final class ProviderUser extends TrackerUser implements OidcUser {

    private static final long serialVersionUID = 1L;

    private final OidcIdToken idToken;
    private final @Nullable OidcUserInfo userInfo;
    private final String registrationId;

    ProviderUser(Account account, OidcIdToken idToken, @Nullable OidcUserInfo userInfo, String registrationId) {
        super(account);
        this.idToken = idToken;
        this.userInfo = userInfo;
        this.registrationId = registrationId;
    }

    @Override
    TrackerUser refreshedFrom(Account account) {
        return new ProviderUser(account, idToken, userInfo, registrationId);
    }

    @Override
    Authentication asAuthentication() {
        return new OAuth2AuthenticationToken(this, getAuthorities(), registrationId);
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken.getClaims();
    }

    @Override
    public @Nullable OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return idToken.getClaims();
    }

    /** The tracker's username: what the menu shows and sessions are filed under. */
    @Override
    public String getName() {
        return getUsername();
    }
}
