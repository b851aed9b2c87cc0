package io.streamgate.core.vcluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which virtual cluster each broker fetch session was created for. A broker keys incremental fetch sessions by a
 * random id alone, whoever asks; so that a tenant cannot continue another tenant's session by guessing its id, a
 * virtual-cluster connection may use only a session created for its own virtual cluster. The most recent sessions are
 * remembered (brokers keep 1,000 each by default); a forgotten one is refused, and the client starts a new one.
 * Thread-safe.
 */
public final class FetchSessionOwners {

    private static final int REMEMBERED = 100_000;

    private final Map<Long, String> owners = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** A broker created (or continued) session {@code sessionId} for a connection of {@code virtualCluster}. */
    public synchronized void created(int brokerId, int sessionId, String virtualCluster) {
        owners.put(key(brokerId, sessionId), virtualCluster);
    }

    /** Whether session {@code sessionId} of that broker was created for {@code virtualCluster}. */
    public synchronized boolean ownedBy(int brokerId, int sessionId, String virtualCluster) {
        return virtualCluster.equals(owners.get(key(brokerId, sessionId)));
    }

    private static long key(int brokerId, int sessionId) {
        return ((long) brokerId << 32) | (sessionId & 0xffffffffL);
    }
}
