package dev.lodestone.core;

/**
 * Words a watched person is reported to have said, so analysts can search statements by speaker.
 *
 * @param entity the speaker's watch-list id
 * @param text   the quoted words, without the quotation marks
 * @param field  {@code title} or {@code body}
 * @param start  offset of the first quoted char in that field of the original article
 * @param end    offset after the last quoted char
 */
public record Quote(String entity, String text, String field, int start, int end) {}
