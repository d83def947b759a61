package dev.lodestone.ingest.fetch;

/**
 * What a server said identifies the version of a resource it sent, echoed back on the next request so an
 * unchanged feed costs it a {@code 304 Not Modified} instead of the whole feed.
 *
 * @param etag         the {@code ETag} header, null when absent
 * @param lastModified the {@code Last-Modified} header, null when absent
 */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
