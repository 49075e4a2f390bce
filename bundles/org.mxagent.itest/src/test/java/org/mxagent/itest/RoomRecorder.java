package org.mxagent.itest;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.mxagent.transport.api.RoomEvent;
import org.mxagent.transport.api.RoomEventListener;
import org.mxagent.transport.api.e2ee.DecryptionFailure;
import org.mxagent.transport.api.e2ee.UndecryptableEventListener;

/**
 * Records what the sync loop delivers for one room, to room event listeners and to the undecryptable whiteboard,
 * and completes futures tests wait on. Registered for both services; only records (sync thread).
 */
final class RoomRecorder implements RoomEventListener, UndecryptableEventListener {
    /** An event the transport could not decrypt, with the reason it gave. */
    record Undecryptable(RoomEvent event, DecryptionFailure failure) {}

    private record Waiter<T>(Predicate<T> condition, CompletableFuture<T> result) {}

    private final String roomId;
    private final List<RoomEvent> delivered = new CopyOnWriteArrayList<>();
    private final List<Undecryptable> undecryptable = new CopyOnWriteArrayList<>();
    private final List<Waiter<RoomEvent>> eventWaiters = new CopyOnWriteArrayList<>();
    private final List<Waiter<Undecryptable>> failureWaiters = new CopyOnWriteArrayList<>();

    RoomRecorder(String roomId) {
        this.roomId = roomId;
    }

    @Override
    public void onRoomEvent(RoomEvent event) {
        if (!roomId.equals(event.roomId())) {
            return;
        }
        delivered.add(event);
        complete(eventWaiters, event);
    }

    @Override
    public void onUndecryptable(RoomEvent event, DecryptionFailure failure) {
        if (!roomId.equals(event.roomId())) {
            return;
        }
        Undecryptable record = new Undecryptable(event, failure);
        undecryptable.add(record);
        complete(failureWaiters, record);
    }

    private static <T> void complete(List<Waiter<T>> waiters, T value) {
        for (Waiter<T> waiter : waiters) {
            if (waiter.condition().test(value)) {
                waiter.result().complete(value);
                waiters.remove(waiter);
            }
        }
    }

    /** The first delivered event (past or future) that matches. */
    CompletableFuture<RoomEvent> event(Predicate<RoomEvent> condition) {
        CompletableFuture<RoomEvent> result = new CompletableFuture<>();
        eventWaiters.add(new Waiter<>(condition, result));
        delivered.stream().filter(condition).findFirst().ifPresent(result::complete);
        return result;
    }

    /** The first undecryptable event (past or future) that matches. */
    CompletableFuture<Undecryptable> undecryptable(Predicate<Undecryptable> condition) {
        CompletableFuture<Undecryptable> result = new CompletableFuture<>();
        failureWaiters.add(new Waiter<>(condition, result));
        undecryptable.stream().filter(condition).findFirst().ifPresent(result::complete);
        return result;
    }

    List<RoomEvent> delivered() {
        return List.copyOf(delivered);
    }

    List<Undecryptable> undecryptable() {
        return List.copyOf(undecryptable);
    }
}
