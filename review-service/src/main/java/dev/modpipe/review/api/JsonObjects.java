package dev.modpipe.review.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Parses stored JSON snippets (audit snapshots) into plain maps for answers. */
@Singleton
public class JsonObjects {
    private final JsonMapper mapper;

    public JsonObjects(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Nullable
    public Object parse(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(json, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
