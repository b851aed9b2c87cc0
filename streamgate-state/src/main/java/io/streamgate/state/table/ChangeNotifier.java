package io.streamgate.state.table;

import io.streamgate.state.ResourceChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Delivers changes to listeners from one thread of its own, in the order they were published. Each batch
 * goes to the listeners registered when it was published, so a listener that subscribes after a change
 * never receives it (the change is already in its snapshot).
 */
final class ChangeNotifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotifier.class);

    private final ExecutorService thread;

    ChangeNotifier(String storeName) {
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread notifier = new Thread(task, "streamgate-resource-listeners-" + storeName);
            notifier.setDaemon(true);
            return notifier;
        });
    }

    void publish(List<ResourceChange> changes, List<ListenerSubscription> listeners) {
        if (changes.isEmpty() || listeners.isEmpty()) {
            return;
        }
        try {
            thread.execute(() -> {
                for (ResourceChange change : changes) {
                    for (ListenerSubscription listener : listeners) {
                        listener.deliver(change);
                    }
                }
            });
        } catch (RejectedExecutionException closed) {
            LOG.debug("Store closed: {} change(s) not delivered", changes.size());
        }
    }

    /** Delivers what was already published (waiting a little for it), then stops the thread. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Resource listeners still busy 5 s after the store was closed; interrupting them");
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
