package org.tctracker.goal;

/** How far a goal has come: the teams done of the teams it applies to. */
public record Progress(int done, int of) {

    public static final Progress NONE = new Progress(0, 0);

    /** "31 of 46 teams done". */
    public String words() {
        return done + " of " + of + (of == 1 ? " team done" : " teams done");
    }

    public int percent() {
        return of == 0 ? 0 : Math.round(100f * done / of);
    }
}
