package dev.lodestone.newswire;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The look of an outlet's article pages. Outlets differ in class names, date style and where the boxes sit, so
 * that an article extractor proven on the demo has not merely learned one template.
 */
public enum PageTemplate {
    /** A traditional newspaper: aside after the story, "Read more" box after the second paragraph. */
    BROADSHEET("broadsheet", "story", "story-body", "story-meta", "d MMMM yyyy", false, 2),
    /** A wire service: terse markup, dateline-style timestamp, aside before the story in source order. */
    WIRE("wire", "wire-item", "wire-text", "wire-meta", "MMM d, yyyy HH:mm 'UTC'", true, 1),
    /** A trade magazine: "Read more" box after the third paragraph and a long-form date. */
    MAGAZINE("magazine", "feature", "feature__content", "feature__byline", "EEEE, MMMM d, yyyy", false, 3);

    private final String bodyClass;
    private final String articleClass;
    private final String textClass;
    private final String metaClass;
    private final DateTimeFormatter dateFormat;
    private final boolean asideFirst;
    private final int readMoreAfterParagraph;

    PageTemplate(String bodyClass, String articleClass, String textClass, String metaClass, String datePattern,
            boolean asideFirst, int readMoreAfterParagraph) {
        this.bodyClass = bodyClass;
        this.articleClass = articleClass;
        this.textClass = textClass;
        this.metaClass = metaClass;
        this.dateFormat = DateTimeFormatter.ofPattern(datePattern, Locale.ENGLISH);
        this.asideFirst = asideFirst;
        this.readMoreAfterParagraph = readMoreAfterParagraph;
    }

    String bodyClass() {
        return bodyClass;
    }

    String articleClass() {
        return articleClass;
    }

    String textClass() {
        return textClass;
    }

    String metaClass() {
        return metaClass;
    }

    DateTimeFormatter dateFormat() {
        return dateFormat;
    }

    boolean asideFirst() {
        return asideFirst;
    }

    int readMoreAfterParagraph() {
        return readMoreAfterParagraph;
    }
}
