package dev.queuebench.jmh;

import java.util.List;

/** One script invocation's KEYS and ARGV, exactly as the gateway passes them. */
public record ScriptCall(List<String> keys, List<String> args) {
    public String key(int index) {
        return keys.get(index);
    }

    public String arg(int index) {
        return args.get(index);
    }
}
