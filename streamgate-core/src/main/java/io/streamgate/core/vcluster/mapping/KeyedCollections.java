package io.streamgate.core.vcluster.mapping;

import org.apache.kafka.common.utils.internals.ImplicitLinkedHashCollection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Renaming the elements of kafka-clients' keyed collections. Such a collection files each element under a hash of
 * its key (a topic name), so an element renamed in place is lost to {@code find}; and {@code add} silently refuses an
 * element that still carries the links of a collection, so the elements cannot simply be moved to a new one.
 */
final class KeyedCollections {

    private KeyedCollections() {
    }

    /**
     * Empties the collection, lets {@code renameOrDrop} rename each element in place (returning whether to keep it),
     * and files the kept elements again, in their order.
     */
    static <E extends ImplicitLinkedHashCollection.Element> void retainRenamed(
            ImplicitLinkedHashCollection<E> collection, Predicate<E> renameOrDrop) {
        List<E> elements = new ArrayList<>(collection);
        collection.clear();
        for (E element : elements) {
            element.setPrev(ImplicitLinkedHashCollection.INVALID_INDEX);
            element.setNext(ImplicitLinkedHashCollection.INVALID_INDEX);
            if (renameOrDrop.test(element)) {
                collection.add(element);
            }
        }
    }
}
