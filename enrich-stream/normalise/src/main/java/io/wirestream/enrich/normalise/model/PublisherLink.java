package io.wirestream.enrich.normalise.model;

/**
 * A link the publisher set on the story (a see-also link, a package member, a READ MORE teaser): its target, its
 * title, and why it is there ("package member (main)"). Either the uri or the title may be missing, not both;
 * a {@code null} reason reads as a plain publisher link.
 */
public record PublisherLink(String uri, String title, String reason) {

    public PublisherLink {
        if (uri == null && title == null) {
            throw new IllegalArgumentException("a publisher link needs a uri or a title");
        }
    }
}
