package io.shardline.router.algorithm;

import java.util.Properties;

final class AlgorithmFixtures {

    private AlgorithmFixtures() {
    }

    static Properties props(String... keyValues) {
        Properties props = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    static ShardingAlgorithm standard(String type, String... keyValues) {
        return ShardingAlgorithms.create(type, props(keyValues)).standard().orElseThrow();
    }

    static ComplexShardingAlgorithm complex(String type, String... keyValues) {
        return ShardingAlgorithms.create(type, props(keyValues)).complex().orElseThrow();
    }
}
