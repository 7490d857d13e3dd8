package org.tctracker.system;

import java.time.Clock;
import org.hibernate.envers.RevisionListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Signs each revision with the signed-in account's username, or "system" when nobody is signed in,
 * and dates it by the application's clock: the week a status was edited in is read from the
 * history, and it must be the same week as the one the rest of the tracker sees. Hibernate asks
 * Spring for this listener, so the clock is the application's bean; where Hibernate makes it by
 * itself (while the build prepares the context ahead of time) it reads the system clock, which is
 * what the application's clock reads outside tests.
 */
class RevisionAuthor implements RevisionListener {

    private final Clock clock;

    RevisionAuthor() {
        this(Clock.systemUTC());
    }

    @Autowired
    RevisionAuthor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void newRevision(Object revisionEntity) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        Revision revision = (Revision) revisionEntity;
        revision.setUsername(signedIn ? authentication.getName() : "system");
        revision.setChangedAt(clock.instant());
    }
}
