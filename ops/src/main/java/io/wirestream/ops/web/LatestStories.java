package io.wirestream.ops.web;

import java.util.List;

/** The most recently published stories, newest first. Backed by a tail of wire.articles, or by anything else. */
@FunctionalInterface
public interface LatestStories {

    List<StoryView> latest(int limit);
}
