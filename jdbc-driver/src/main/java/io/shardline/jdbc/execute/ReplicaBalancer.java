package io.shardline.jdbc.execute;

import io.shardline.jdbc.config.ReadWriteSplittingConfig.LoadBalancer;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Picks one replica among the eligible ones of a group. {@code eligible[0..count)} are replica indexes.
 */
abstract class ReplicaBalancer {

    abstract int pick(int[] eligible, int count);

    static ReplicaBalancer of(LoadBalancer type, List<Integer> weights) {
        return switch (type) {
            case ROUND_ROBIN -> new RoundRobin();
            case RANDOM -> new Random();
            case WEIGHTED -> new Weighted(weights);
        };
    }

    /** Each eligible replica in turn (the counter is shared, so the turn skips replicas that are out). */
    static final class RoundRobin extends ReplicaBalancer {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        int pick(int[] eligible, int count) {
            return eligible[Math.floorMod(next.getAndIncrement(), count)];
        }
    }

    static final class Random extends ReplicaBalancer {
        @Override
        int pick(int[] eligible, int count) {
            return eligible[ThreadLocalRandom.current().nextInt(count)];
        }
    }

    /** Random in proportion to the weights of the eligible replicas. */
    static final class Weighted extends ReplicaBalancer {
        private final int[] weights;

        Weighted(List<Integer> weights) {
            this.weights = new int[weights.size()];
            for (int i = 0; i < weights.size(); i++) {
                this.weights[i] = weights.get(i);
            }
        }

        @Override
        int pick(int[] eligible, int count) {
            int total = 0;
            for (int i = 0; i < count; i++) {
                total += weight(eligible[i]);
            }
            int r = ThreadLocalRandom.current().nextInt(total);
            for (int i = 0; i < count; i++) {
                r -= weight(eligible[i]);
                if (r < 0) {
                    return eligible[i];
                }
            }
            return eligible[count - 1];
        }

        private int weight(int replica) {
            return replica < weights.length ? weights[replica] : 1;
        }
    }
}
