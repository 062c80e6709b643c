package io.wirestream.enrich.dedupe.version;

import io.wirestream.avro.Article;

/**
 * The guard's answer for one incoming article.
 *
 * @param verdict what to do
 * @param article the article to publish (marked as correction or kill where that applies), or the incoming one when
 *     dropped
 * @param correction whether the published version is a correction of an earlier one
 * @param newState the story state to store (the previous one when dropped)
 * @param reason a short machine-readable reason: first-version, newer-version, stale-version, kill, after-kill
 */
public record VersionDecision(
        VersionVerdict verdict, Article article, boolean correction, StoryState newState, String reason) {

    /** True when this version is the first the pipeline ever saw of the story (so dedupe must judge it). */
    public boolean firstVersion() {
        return "first-version".equals(reason) || "first-version-kill".equals(reason);
    }
}
