package io.wirestream.subscriptions;

import java.util.List;

/** A subscribers file that cannot be applied, with every problem found, each naming the file and the field. */
public final class InvalidSubscribersException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidSubscribersException(String file, List<String> problems) {
        super(file + ": " + problems.size() + " problem(s): " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
