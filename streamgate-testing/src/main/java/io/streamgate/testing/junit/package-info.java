/**
 * JUnit 5 extensions: a real Kafka cluster shared by every test class that asks for the same one, and a
 * gateway in front of it per test class, with ready-made clients and a buffer-leak check.
 */
package io.streamgate.testing.junit;
