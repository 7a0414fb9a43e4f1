package dev.modpipe.model;

/** An event broke an invariant of the contract; {@link #field()} names the offending field. */
public class InvalidEventException extends IllegalArgumentException {
    private final String field;

    public InvalidEventException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    /** The JSON name of the field that is wrong. */
    public String field() {
        return field;
    }
}
