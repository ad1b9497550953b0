package org.mianzheng.platform.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.mianzheng.api.SourceOutcome;

/** Collects a body up to a limit; a declared or actual larger body fails at once with MALFORMED_RESPONSE. */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final long max;
    private final long declared;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    LimitedBodySubscriber(long max, long declared) {
        this.max = max;
        this.declared = declared;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (declared > max) {
            s.cancel();
            result.completeExceptionally(tooLarge(declared));
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            if ((long) buffer.size() + b.remaining() > max) {
                subscription.cancel();
                result.completeExceptionally(tooLarge((long) buffer.size() + b.remaining()));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            buffer.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(result.isDone() ? t : CallFailure.of(SourceOutcome.MALFORMED_RESPONSE,
                "answer body truncated or connection lost while reading it (" + t.getClass().getSimpleName() + ")"));
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }

    private CallFailure tooLarge(long size) {
        return CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "answer body of " + (size == declared ? "" : "at least ") + size
                + " bytes exceeds the limit of " + max);
    }
}
