package org.tctracker.system;

import java.util.List;

/**
 * Sites other than this one that a form may lead to, by the redirect that follows it: signing out
 * goes on to the identity provider, to end the session there too. Browsers hold the whole chain of
 * redirects after a form to the page's {@code form-action}, so these join it.
 */
public interface FormDestinations {

    /** Origins such as {@code https://id.example.org}. */
    List<String> origins();
}
