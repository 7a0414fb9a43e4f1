package dev.modpipe.model;

/**
 * One Kafka topic of the contract: its default name, the type of its values, how its records are
 * keyed and which service is its single writer. Deployments may rename topics through each
 * service's configuration; code refers to topics through {@link Topics}, never by literal name.
 *
 * @param <V> the type of the record values
 */
public record Topic<V>(String defaultName, Class<V> valueType, String keyFormat, String writer) {
    public Topic {
        Checks.required(defaultName, "defaultName");
        Checks.notNull(valueType, "valueType");
        Checks.required(keyFormat, "keyFormat");
        Checks.required(writer, "writer");
    }

    /** The JSON Schema of the values, on the classpath of shared-model, or {@code null} for raw bytes. */
    public String schemaResource() {
        return valueType == byte[].class ? null : "/schemas/" + defaultName + ".schema.json";
    }
}
