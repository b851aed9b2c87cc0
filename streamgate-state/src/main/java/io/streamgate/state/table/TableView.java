package io.streamgate.state.table;

import io.streamgate.state.Resource;
import io.streamgate.state.ResourceId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One immutable state of a table: every resource by identity, and the resources of each kind in list order.
 * A change builds a new view; readers of the old one are unaffected.
 */
record TableView(Map<ResourceId, Resource> byId, Map<String, List<Resource>> byKind) {

    static final TableView EMPTY = new TableView(Map.of(), Map.of());

    static TableView of(Map<ResourceId, Resource> resources) {
        return EMPTY.with(new HashMap<>(resources), Set.copyOf(kindsOf(resources.values())));
    }

    /**
     * A view holding {@code resources} (which this view takes ownership of), re-indexing only the kinds in
     * {@code changedKinds}.
     */
    TableView with(Map<ResourceId, Resource> resources, Set<String> changedKinds) {
        Map<String, List<Resource>> kinds = new HashMap<>(byKind);
        for (String kind : changedKinds) {
            // Sorting by the map's keys: Resource.id() builds and validates a new id on every call.
            List<Map.Entry<ResourceId, Resource>> ofKind = new ArrayList<>();
            for (Map.Entry<ResourceId, Resource> entry : resources.entrySet()) {
                if (entry.getKey().kind().equals(kind)) {
                    ofKind.add(entry);
                }
            }
            if (ofKind.isEmpty()) {
                kinds.remove(kind);
            } else {
                ofKind.sort(Map.Entry.comparingByKey());
                kinds.put(kind, ofKind.stream().map(Map.Entry::getValue).toList());
            }
        }
        return new TableView(Collections.unmodifiableMap(resources), Collections.unmodifiableMap(kinds));
    }

    private static List<String> kindsOf(Collection<Resource> resources) {
        return resources.stream().map(Resource::kind).distinct().toList();
    }
}
