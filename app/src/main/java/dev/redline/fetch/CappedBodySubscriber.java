package dev.redline.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body but cancels the stream as soon as it passes the cap, so an endless or
 * huge body costs at most {@code cap} bytes of memory. (The JDK's {@code BodySubscribers.ofByteArray}
 * has no limit, hence this small subscriber.)
 */
final class CappedBodySubscriber implements BodySubscriber<byte[]> {

    /** Thrown (wrapped) when the body passes the cap. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long cap) {
            super("body larger than " + cap + " bytes", null, false, false);
        }
    }

    private final long cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;
    private long received;

    CappedBodySubscriber(long cap) {
        this.cap = cap;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            received += buffer.remaining();
            if (received > cap) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(cap));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
