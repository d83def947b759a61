package dev.lodestone.search.query;

/**
 * A query the search syntax cannot accept. The message says what is wrong and where, in words fit to
 * show the analyst who typed it, e.g. {@code Cannot parse 'antimony AND': Encountered "<EOF>" at line 1,
 * column 12}.
 */
public class InvalidQueryException extends IllegalArgumentException {
    public InvalidQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
