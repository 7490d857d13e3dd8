package org.tctracker.commitment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What a link's source said, in its own words: "Merged 14 Dec 2015 · patch set 3 · Code-Review +2 ×2". */
public final class SourceWords {

    private static final DateTimeFormatter SINCE =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private SourceWords() {}

    /** The words, or null when the source has not said anything yet. */
    public static @Nullable String of(
            @Nullable String status, @Nullable Instant since, @Nullable Integer patchSet, @Nullable String detail) {
        if (status == null) {
            return null;
        }
        StringBuilder words = new StringBuilder(status);
        if (since != null) {
            words.append(' ').append(SINCE.format(since));
        }
        if (patchSet != null) {
            words.append(" · patch set ").append(patchSet);
        }
        if (detail != null && !detail.isEmpty()) {
            words.append(" · ").append(detail);
        }
        return words.toString();
    }

    /** A link's words, or "" when its source has said nothing. */
    public static String of(SpecLink link) {
        String words =
                of(link.getSourceStatus(), link.getSourceSince(), link.getSourcePatchSet(), link.getSourceDetail());
        return words == null ? "" : words;
    }
}
