package dev.modpipe.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The JSON codec of the contract: UTF-8, camelCase, ISO-8601 timestamps, unknown fields ignored on
 * read, absent optional fields omitted on write. Thread-safe.
 */
public final class EventJson {
    /** Nesting deeper than any event needs is refused before it costs memory. */
    public static final int MAX_NESTING_DEPTH = 32;

    private static final ObjectMapper MAPPER = newMapper();

    private EventJson() {}

    /** A mapper configured for the contract, for callers that need one of their own. */
    public static ObjectMapper newMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // maps (scores, subcategories) are immutable copies whose iteration order changes
                // from one JVM to the next; sorted keys make the same event the same bytes
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .build());
        return mapper;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    public static String writeString(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads an event, checking its invariants.
     *
     * @throws InvalidEventException when the bytes are not JSON, not of the event's shape, or break
     *     an invariant; the message names the field and never quotes the payload
     */
    public static <T> T read(byte[] json, Class<T> type) {
        if (json == null || json.length == 0) {
            throw new InvalidEventException("value", "is empty");
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonMappingException e) {
            InvalidEventException invalid = findInvalid(e);
            if (invalid != null) {
                throw invalid;
            }
            throw new InvalidEventException(pathOf(e), "has the wrong type or shape");
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("value", "is not valid JSON");
        } catch (IOException e) {
            throw new InvalidEventException("value", "cannot be read");
        }
    }

    private static InvalidEventException findInvalid(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException invalid) {
                return invalid;
            }
        }
        return null;
    }

    private static String pathOf(JsonMappingException e) {
        String path = fieldPath(e);
        return path.isEmpty() ? "value" : path;
    }

    /**
     * The JSON path of the field a binding error is about, such as {@code posts[3].body}; empty
     * when the error is about the document itself.
     */
    public static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
