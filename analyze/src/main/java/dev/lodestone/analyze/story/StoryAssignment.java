package dev.lodestone.analyze.story;

import java.util.Objects;

/**
 * The story an article belongs to.
 *
 * @param storyId      the id of the first article of the story, stable for as long as the story is remembered
 * @param firstInStory whether this article started the story, so that alerting happens once per story
 * @param signature    what to keep so that a restarted clusterer remembers this article
 */
public record StoryAssignment(String storyId, boolean firstInStory, StorySignature signature) {
    public StoryAssignment {
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(signature, "signature");
    }
}
