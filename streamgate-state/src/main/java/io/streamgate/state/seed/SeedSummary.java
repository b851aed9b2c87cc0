package io.streamgate.state.seed;

/**
 * What a seed did: how many resources it created, updated and found already as the files say. Immutable.
 */
public record SeedSummary(int created, int updated, int unchanged) {

    public int total() {
        return created + updated + unchanged;
    }

    @Override
    public String toString() {
        return created + " created, " + updated + " updated, " + unchanged + " unchanged";
    }
}
