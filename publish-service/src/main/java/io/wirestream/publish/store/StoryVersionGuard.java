package io.wirestream.publish.store;

/**
 * The one rule every store applies before writing a version: a story never moves to an older version, and an equal
 * version is a replay (ignored), except that a kill always takes even when it carries the same version number as the
 * usable version it kills.
 *
 * <p>A kill is permanent for the story id: once a store holds a killed story (withdrawn marker or deleted row, both
 * kept for good), no later version brings it back, however high its number (issue 15). None of the formats the
 * pipeline reads defines a reinstatement of a killed item, so there is no way back; an agency that wants the story
 * again sends it under a new id.
 */
public final class StoryVersionGuard {

    private StoryVersionGuard() {}

    /**
     * @param storedVersion  the version the store holds, or {@code null} when it holds nothing for the story
     * @param storedStatus   its status, or {@code null}
     * @param incomingVersion the version arriving
     * @param incomingIsKill  whether the arriving version kills the story
     * @return whether the arriving version replaces what the store holds
     */
    public static boolean accepts(Long storedVersion, StoryStatus storedStatus, long incomingVersion, boolean incomingIsKill) {
        if (storedVersion == null) {
            return true;
        }
        if (storedStatus != null && storedStatus.isKilled()) {
            return false;
        }
        if (incomingVersion > storedVersion) {
            return true;
        }
        return incomingVersion == storedVersion && incomingIsKill && storedStatus != null && !storedStatus.isKilled();
    }
}
