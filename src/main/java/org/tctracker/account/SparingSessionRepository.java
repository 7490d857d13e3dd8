package org.tctracker.account;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session table, touched only when something changed. Spring Session writes a session back at
 * the end of every request, if only to move its last-access time, and then reads it again to
 * decide whether to send the cookie (spring-session issue #1731): one disk write and two reads for
 * a page that changed nothing. Here a request that changed no attribute writes the last-access
 * time only when the stored one is {@link #LAST_ACCESS_EVERY} old or more, so a session ends at most
 * that much before its timeout; and the session just written is not read again in the same request.
 * Everything else (sessions shared by instances, kept across restarts, ended everywhere by signing
 * out) is the store's, unchanged.
 */
final class SparingSessionRepository
        implements FindByIndexNameSessionRepository<SparingSessionRepository.Tracked>, DisposableBean {

    static final Duration LAST_ACCESS_EVERY = Duration.ofMinutes(1);

    /** The sessions this request saved, by id; set only while {@link #within} runs a request. */
    private static final ThreadLocal<@Nullable Map<String, Tracked>> SAVED = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<Session> store;

    @SuppressWarnings("unchecked")
    SparingSessionRepository(FindByIndexNameSessionRepository<? extends Session> store) {
        // The store saves only its own sessions, which is what Tracked hands back to it.
        this.store = (FindByIndexNameSessionRepository<Session>) store;
    }

    /** Runs one request, during which a session saved is served from memory when asked for again. */
    static void within(RequestWork work) throws Exception {
        if (SAVED.get() != null) { // a dispatch within a request already under way
            work.run();
            return;
        }
        SAVED.set(new LinkedHashMap<>(2));
        try {
            work.run();
        } finally {
            SAVED.remove();
        }
    }

    @FunctionalInterface
    interface RequestWork {
        void run() throws Exception;
    }

    /** The store's own end: it stops the timer that deletes expired sessions. */
    @Override
    public void destroy() throws Exception {
        if (store instanceof DisposableBean disposable) {
            disposable.destroy();
        }
    }

    @Override
    public Tracked createSession() {
        return new Tracked(store.createSession(), true);
    }

    @Override
    public void save(Tracked session) {
        if (session.mustBeWritten()) {
            store.save(session.stored);
            session.written();
        }
        Map<String, Tracked> saved = SAVED.get();
        if (saved != null) {
            saved.put(session.getId(), session);
        }
    }

    @Override
    public @Nullable Tracked findById(String id) {
        Map<String, Tracked> saved = SAVED.get();
        Tracked justSaved = saved == null ? null : saved.get(id);
        if (justSaved != null) {
            return justSaved;
        }
        Session found = store.findById(id);
        return found == null ? null : new Tracked(found, false);
    }

    @Override
    public void deleteById(String id) {
        Map<String, Tracked> saved = SAVED.get();
        if (saved != null) {
            saved.remove(id);
        }
        store.deleteById(id);
    }

    @Override
    public Map<String, Tracked> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Tracked> found = new LinkedHashMap<>();
        store.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new Tracked(session, false)));
        return found;
    }

    /** A session of the store, with a note of whether anything but its last access changed. */
    static final class Tracked implements Session {

        private final Session stored;
        private boolean fresh;
        private boolean changed;
        private Instant lastAccessWritten;

        Tracked(Session stored, boolean fresh) {
            this.stored = stored;
            this.fresh = fresh;
            this.lastAccessWritten = stored.getLastAccessedTime();
        }

        boolean mustBeWritten() {
            return fresh
                    || changed
                    || !Duration.between(lastAccessWritten, stored.getLastAccessedTime())
                            .minus(LAST_ACCESS_EVERY)
                            .isNegative();
        }

        void written() {
            fresh = false;
            changed = false;
            lastAccessWritten = stored.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return stored.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, @Nullable Object attributeValue) {
            changed = true;
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            stored.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
