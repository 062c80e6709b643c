package io.wirestream.enrich.normalise;

import static io.wirestream.enrich.normalise.StoryBody.clean;

import io.wirestream.enrich.normalise.model.DraftArticle;
import java.util.List;

/**
 * The article's rights (ninjs {@code copyrightholder}, {@code copyrightnotice}, {@code usageterms}), field by field:
 * what the item says; else what the deployment assumes for the provider the item names, then for the pushing agency
 * ({@link RightsDefaults}), with a note saying which. Without a notice, the holder stands in ("© holder"), so a
 * reader that only looks at the notice still sees whose copy it is.
 */
record RightsChoice(String copyrightHolder, String copyrightNotice, String usageTerms) {

    /**
     * @param copyrightLine a copyright line taken off the end of the story text, or {@code null}: the item's notice
     *                      when its format has no notice field or left it empty
     */
    static RightsChoice choose(DraftArticle d, String copyrightLine, String agency, SourceDefaults sources,
            List<String> notes) {
        String holder = clean(d.copyrightHolder());
        String notice = clean(d.copyrightNotice());
        notice = notice != null ? notice : clean(copyrightLine);
        String terms = clean(d.usageTerms());
        if (holder == null || notice == null || terms == null) {
            RightsDefaults.Assumed assumed = sources.rights().assumedFor(d.provider(), agency);
            holder = holder != null ? holder : assumed(assumed.copyrightHolder(), "copyright holder", notes);
            notice = notice != null ? notice : assumed(assumed.copyrightNotice(), "copyright notice", notes);
            terms = terms != null ? terms : assumed(assumed.usageTerms(), "usage terms", notes);
        }
        if (notice == null && holder != null) {
            notice = "© " + holder;
        }
        return new RightsChoice(holder, notice, terms);
    }

    private static String assumed(RightsDefaults.Field field, String what, List<String> notes) {
        if (field == null) {
            return null;
        }
        notes.add(what + ": the default configured for " + field.basis());
        return clean(field.value());
    }
}
