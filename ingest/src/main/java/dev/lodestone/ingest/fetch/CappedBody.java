package dev.lodestone.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body as it streams in and gives up, cancelling the transfer, as soon as it would
 * pass the cap: a huge or endless body costs at most the cap in memory.
 */
final class CappedBody implements BodySubscriber<byte[]> {
    /** The body was larger than the cap. */
    static final class TooLargeException extends IOException {
        TooLargeException(long cap) {
            super("body exceeds " + cap + " bytes");
        }
    }

    private final int cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    CappedBody(int cap) {
        this.cap = cap;
    }

    /** A body refused before it is read: the server announced more than the cap. */
    static BodySubscriber<byte[]> refused(int cap) {
        CappedBody body = new CappedBody(cap);
        body.result.completeExceptionally(new TooLargeException(cap));
        return body;
    }

    /** A body not worth reading, such as an error page or a redirect's. */
    static BodySubscriber<byte[]> skipped() {
        CappedBody body = new CappedBody(0);
        body.result.complete(new byte[0]);
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (result.isDone()) {
            subscription.cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + (long) buffer.remaining() > cap) {
                subscription.cancel();
                result.completeExceptionally(new TooLargeException(cap));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
