package dev.lodestone.analyze.eval;

import java.util.Objects;
import java.util.Set;

/**
 * One text of an evaluation set, labelled by a careful human reader rather than by the tagger, so the
 * tagger can be measured against it.
 *
 * @param id       stable id, named in every miss and false alarm
 * @param title    the headline, tagged as the title field
 * @param text     the body, tagged as the body field
 * @param entities ids of every watched entity the title or text mentions
 * @param about    whether the text is about the watched story
 * @param note     why the text is in the set (which wording or trap it covers)
 */
public record LabelledText(String id, String title, String text, Set<String> entities, boolean about, String note) {
    public LabelledText {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        entities = entities == null ? Set.of() : Set.copyOf(entities);
        note = note == null ? "" : note;
    }
}
