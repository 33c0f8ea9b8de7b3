package io.nylassf.connect.source.nylas.mapping;

import io.nylassf.connect.source.nylas.offset.ObjectStream;

/** The four topics: {@code <prefix>.messages}, {@code .events}, {@code .contacts} and {@code .grants}. */
public record Topics(String prefix) {
    public String of(ObjectStream stream) {
        return prefix + "." + stream.configName();
    }

    public String grants() {
        return prefix + ".grants";
    }
}
