package io.wirestream.enrich.dedupe.version;

import io.wirestream.avro.Article;
import io.wirestream.avro.PubStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Story version rules: a story never goes backwards and a killed story never comes back.
 *
 * <ul>
 *   <li>no stored state: publish (a kill as first version is published as a kill so every store learns of it);</li>
 *   <li>killed before: drop everything, newer versions included (agencies re-file after a kill under a new id);</li>
 *   <li>an incoming kill: publish it as the kill of the story, whatever its version. When an agency's kill advisory
 *       carries a version not above the stored one, it is re-stamped to stored + 1 so that versioned stores, which
 *       ignore versions they already have, still apply it;</li>
 *   <li>otherwise a higher version publishes, an equal or lower one is dropped as stale.</li>
 * </ul>
 * A published version carrying a correction signal is marked as a correction (signal {@code correction}).
 */
public final class StoryVersionGuard {

    private static final Set<String> KILL_SIGNALS =
            Set.of("kill", "killed", "withdraw", "withdrawn", "withdrawal", "cancel", "canceled", "cancelled", "sig:kill",
                    "sig:withdraw", "sig:withdrawal", "elimination", "mandatory-kill");
    private static final Set<String> CORRECTION_SIGNALS =
            Set.of("correction", "corrected", "correct", "sig:correction", "corr", "correctives");

    public VersionDecision decide(Optional<StoryState> stored, Article incoming, Instant now) {
        boolean kill = isKill(incoming);
        if (stored.isEmpty()) {
            Article published = kill ? markKill(incoming, incoming.getVersion()) : markCorrection(incoming);
            StoryState state = new StoryState(incoming.getUri(), incoming.getVersion(), kill, now);
            return new VersionDecision(kill ? VersionVerdict.PUBLISH_KILL : VersionVerdict.PUBLISH, published,
                    !kill && isCorrection(incoming), state, kill ? "first-version-kill" : "first-version");
        }
        StoryState state = stored.get();
        if (state.killed()) {
            return new VersionDecision(VersionVerdict.DROP_AFTER_KILL, incoming, false, state, "after-kill");
        }
        if (kill) {
            long version = Math.max(incoming.getVersion(), state.latestVersion() + 1);
            return new VersionDecision(VersionVerdict.PUBLISH_KILL, markKill(incoming, version), false,
                    new StoryState(state.uri(), version, true, now), "kill");
        }
        if (incoming.getVersion() <= state.latestVersion()) {
            return new VersionDecision(VersionVerdict.DROP_STALE, incoming, false, state, "stale-version");
        }
        boolean correction = isCorrection(incoming);
        return new VersionDecision(VersionVerdict.PUBLISH, markCorrection(incoming), correction,
                new StoryState(state.uri(), incoming.getVersion(), false, now), "newer-version");
    }

    public static boolean isKill(Article article) {
        return article.getPubstatus() == PubStatus.canceled || hasSignal(article, KILL_SIGNALS);
    }

    public static boolean isCorrection(Article article) {
        return hasSignal(article, CORRECTION_SIGNALS);
    }

    private static boolean hasSignal(Article article, Set<String> names) {
        for (String signal : article.getSignals()) {
            if (signal != null && names.contains(signal.trim().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static Article markKill(Article incoming, long version) {
        List<String> signals = withSignal(incoming.getSignals(), "kill");
        return Article.newBuilder(incoming).setPubstatus(PubStatus.canceled).setVersion(version).setSignals(signals)
                .build();
    }

    /** Normalises whatever correction signal the agency used to the one word downstream looks for. */
    private static Article markCorrection(Article incoming) {
        if (!isCorrection(incoming)) {
            return incoming;
        }
        return Article.newBuilder(incoming).setSignals(withSignal(incoming.getSignals(), "correction")).build();
    }

    private static List<String> withSignal(List<String> signals, String signal) {
        List<String> result = new ArrayList<>(signals);
        if (!result.contains(signal)) {
            result.add(signal);
        }
        return result;
    }
}
