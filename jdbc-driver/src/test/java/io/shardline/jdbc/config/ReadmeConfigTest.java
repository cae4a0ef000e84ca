package io.shardline.jdbc.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.router.rule.ShardingRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The YAML the README shows is a valid configuration, so users can start from it. */
class ReadmeConfigTest {

    @Test
    void readmeConfigurationSnippetParsesAndBuildsRules() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## Configuration (YAML)");
        assertThat(section).as("README has a configuration section").isPositive();
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        int end = readme.indexOf("```", start);
        String yaml = readme.substring(start, end);

        ShardingRule rule = ShardlineConfig.parse(yaml, "README.md").toRule();

        assertThat(rule.findTableRule("t_order")).isPresent();
        assertThat(rule.findTableRule("t_order").orElseThrow().dataNodes()).hasSize(8);
        assertThat(rule.isBroadcast("t_dict")).isTrue();
    }

    @Test
    void readmeReadWriteSplittingSnippetParses() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## Read/write splitting and read-your-writes");
        assertThat(section).as("README has a read/write splitting section").isPositive();
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));

        ShardlineConfig config = ShardlineConfig.parse(yaml, "README.md");

        assertThat(config.dataSources().get("ds_0").replicas()).hasSize(2);
    }

    @Test
    void readmeTransactionsSnippetParses() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## Multi-shard transactions");
        assertThat(section).as("README has a transactions section").isPositive();
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));

        ShardlineConfig config = ShardlineConfig.parse(yaml
                + "dataSources:\n  ds_0: {master: {url: 'jdbc:mysql://h/db0'}}\n", "README.md");

        assertThat(config.transactions().mode()).isEqualTo(TransactionsConfig.Mode.DELAYED);
        assertThat(config.transactions().logDirectory()).contains(Path.of("/var/lib/shardline/txlog"));
    }

    @Test
    void readmeCacheSnippetParses() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## Cache");
        assertThat(section).as("README has a cache section").isPositive();
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));

        ShardlineConfig config = ShardlineConfig.parse(yaml, "README.md");

        assertThat(config.cache().tables().get("t_user").ttlMillis()).isEqualTo(30_000);
        assertThat(config.cache().tables().get("t_user").keyColumns()).containsExactly("user_id");
        assertThat(config.cache().binlog().username()).isEqualTo("repl");
        assertThat(config.cache().binlog().settleMs()).isEqualTo(200);
    }
}
