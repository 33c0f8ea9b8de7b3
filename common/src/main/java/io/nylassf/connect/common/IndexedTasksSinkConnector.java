package io.nylassf.connect.common;

import io.nylassf.connect.common.config.TaskIndexConfig;
import org.apache.kafka.connect.sink.SinkConnector;

import java.util.List;
import java.util.Map;

/**
 * A sink connector of this plugin: its version, and {@code maxTasks} identical task configs that differ only by
 * their task number ({@code task.index}: it tells the tasks apart in their configs, and the Salesforce sink names
 * its batch threads with it; metrics need no index, Connect tags plugin metrics by task). Subclasses call
 * {@code super.start} first.
 */
public abstract class IndexedTasksSinkConnector extends SinkConnector {
    private Map<String, String> props;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return TaskIndexConfig.forTasks(props, maxTasks);
    }
}
