package io.wirestream.runtime.config;

import java.util.List;

/** Settings a service must not start with: every problem found, one per line, so one attempt shows them all. */
public final class InvalidSettingsException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
