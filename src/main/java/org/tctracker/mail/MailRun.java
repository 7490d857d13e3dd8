package org.tctracker.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run of reminders or of the digest did: the mails sent, those sent before (or being sent
 * by another instance) and so skipped, those that would go (a dry run), and those that failed.
 */
public final class MailRun {

    private final List<String> sent = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<String> planned = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void sent(String what) {
        sent.add(what);
    }

    void skipped(String what) {
        skipped.add(what);
    }

    void planned(String what) {
        planned.add(what);
    }

    void failed(String what) {
        failed.add(what);
    }

    void note(String what) {
        notes.add(what);
    }

    public List<String> sent() {
        return List.copyOf(sent);
    }

    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    /** For a dry run: each mail that would go, with its text. */
    public List<String> planned() {
        return List.copyOf(planned);
    }

    public List<String> failed() {
        return List.copyOf(failed);
    }

    /** Why nothing went where nothing did ("nothing changed in 2015-W46 and nothing is stale"). */
    public List<String> notes() {
        return List.copyOf(notes);
    }
}
