package dev.lodestone.search.query;

import dev.lodestone.search.query.SearchRequest.Order;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * The opaque page token: the sort values of the last article a page looked at, so the next page starts
 * just after it even when articles arrived in between. Document numbers are left out on purpose: they
 * change when segments merge, sort values and article ids do not.
 */
final class Cursor {
    private Cursor() {}

    static String encode(Order order, FieldDoc last) {
        String value = order == Order.RELEVANCE
                ? Integer.toHexString(Float.floatToIntBits((Float) last.fields[0]))
                : Long.toString((Long) last.fields[0]);
        String id = ((BytesRef) last.fields[1]).utf8ToString();
        String text = order.name().charAt(0) + ":" + value + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The position {@code cursor} stands for, to search after. */
    static FieldDoc decode(Order order, String cursor) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(cursor, e);
        }
        String[] parts = text.split(":", 3);
        if (parts.length != 3 || parts[0].length() != 1) {
            throw invalid(cursor, null);
        }
        if (parts[0].charAt(0) != order.name().charAt(0)) {
            throw new InvalidQueryException("the cursor belongs to another sort order than " + order.name().toLowerCase(), null);
        }
        try {
            Object value;
            if (order == Order.RELEVANCE) {
                value = Float.intBitsToFloat(Integer.parseUnsignedInt(parts[1], 16));
            } else {
                value = Long.parseLong(parts[1]);
            }
            // Past every document number: an article equal in every sort value is the one already shown.
            return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {value, new BytesRef(parts[2])});
        } catch (NumberFormatException e) {
            throw invalid(cursor, e);
        }
    }

    private static InvalidQueryException invalid(String cursor, Exception cause) {
        return new InvalidQueryException("'" + cursor + "' is not a cursor this service gave out", cause);
    }
}
