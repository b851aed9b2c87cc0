/**
 * Reading and rewriting the records inside Produce requests and Fetch responses, keeping what Kafka needs
 * kept: offsets, producer ids and sequences, transactional markers, compression, timestamps.
 */
package io.streamgate.api.records;
