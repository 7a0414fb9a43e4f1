package dev.modpipe.ingest.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import dev.modpipe.ingest.problem.FieldError;
import dev.modpipe.model.EventJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads request bodies strictly, so that bad input of any shape is a {@link FieldError} naming the
 * field, never an exception escaping as a 5xx: not UTF-8, not JSON, truncated, nested deeper than
 * {@link EventJson#MAX_NESTING_DEPTH}, duplicate keys, trailing garbage, wrong types (no silent
 * coercion of {@code "2"} or {@code 2.5} to a revision), unpaired surrogates. Details never quote
 * the submitted content. Thread-safe.
 */
public final class SubmissionJson {
    private static final ObjectMapper MAPPER = newMapper();

    private SubmissionJson() {}

    /** A body that could not be read; {@link #errors()} name the fields. */
    public static final class UnreadableException extends Exception {
        private final transient List<FieldError> errors;

        UnreadableException(List<FieldError> errors) {
            super(errors.get(0).message(), null, false, false);
            this.errors = List.copyOf(errors);
        }

        UnreadableException(String field, String detail) {
            this(List.of(new FieldError(field, detail)));
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    static ObjectMapper newMapper() {
        JsonMapper mapper = ((JsonMapper) EventJson.newMapper())
                .rebuild()
                .addModule(new SimpleModule("strict-instants").addDeserializer(Instant.class, new TextOnlyInstant()))
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(EventJson.MAX_NESTING_DEPTH)
                        .maxNumberLength(100)
                        .build());
        // No silent coercion into text either: {"postId":123} or {"title":true} is a type error.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** Timestamps as ISO-8601 text only (Jackson would also take epoch numbers). */
    private static final class TextOnlyInstant extends StdDeserializer<Instant> {
        TextOnlyInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }

    /** Reads the body of a single post. */
    public static PostSubmission readPost(byte[] body) throws UnreadableException {
        requireJsonText(body);
        try {
            PostSubmission submission = MAPPER.readValue(body, PostSubmission.class);
            if (submission == null) {
                throw new UnreadableException("body", "must be a JSON object");
            }
            requireWellFormedText(submission, "");
            return submission;
        } catch (IOException e) {
            throw new UnreadableException(List.of(describe(e, "")));
        }
    }

    /** The posts of a batch body, each either read or the errors that kept it from being read. */
    public record BatchItem(int index, JsonNode raw, PostSubmission submission, List<FieldError> errors) {
        public boolean readable() {
            return submission != null;
        }

        /** The item's postId when it has a textual one, even if the item is unreadable. */
        public String postId() {
            if (submission != null) {
                return submission.postId();
            }
            JsonNode id = raw == null ? null : raw.get("postId");
            return id != null && id.isTextual() ? id.asText() : null;
        }
    }

    /**
     * Reads a batch body {@code {"posts":[...]}}. The body as a whole must be JSON of that shape
     * with 1 to {@code maxPosts} entries; each entry is then read on its own, so one bad post does
     * not spoil the others.
     */
    public static List<BatchItem> readBatch(byte[] body, int maxPosts) throws UnreadableException {
        requireJsonText(body);
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UnreadableException(List.of(describe(e, "")));
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableException("body", "must be a JSON object {\"posts\":[...]}");
        }
        JsonNode posts = root.get("posts");
        if (posts == null || posts.isNull()) {
            throw new UnreadableException("posts", "is required");
        }
        if (!posts.isArray()) {
            throw new UnreadableException("posts", "must be an array");
        }
        if (posts.isEmpty() || posts.size() > maxPosts) {
            throw new UnreadableException("posts", "must hold 1 to " + maxPosts + " posts, not " + posts.size());
        }
        List<BatchItem> items = new ArrayList<>(posts.size());
        for (int i = 0; i < posts.size(); i++) {
            JsonNode node = posts.get(i);
            String prefix = "posts[" + i + "].";
            if (!node.isObject()) {
                items.add(new BatchItem(
                        i, node, null, List.of(new FieldError("posts[" + i + "]", "must be a JSON object"))));
                continue;
            }
            try {
                PostSubmission submission = MAPPER.treeToValue(node, PostSubmission.class);
                requireWellFormedText(submission, prefix);
                items.add(new BatchItem(i, node, submission, List.of()));
            } catch (UnreadableException e) {
                items.add(new BatchItem(i, node, null, e.errors()));
            } catch (IOException e) {
                items.add(new BatchItem(i, node, null, List.of(describe(e, prefix))));
            }
        }
        return items;
    }

    private static void requireJsonText(byte[] body) throws UnreadableException {
        if (body == null || body.length == 0) {
            throw new UnreadableException("body", "is required: a JSON object");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new UnreadableException("body", "is not valid UTF-8");
        }
    }

    /** Strings must be valid Unicode: a lone surrogate escape ({@code "\ud800"}) is refused. */
    private static void requireWellFormedText(PostSubmission s, String prefix) throws UnreadableException {
        List<FieldError> errors = new ArrayList<>();
        check(s.platform(), prefix + "platform", errors);
        check(s.postId(), prefix + "postId", errors);
        check(s.threadId(), prefix + "threadId", errors);
        check(s.authorId(), prefix + "authorId", errors);
        check(s.title(), prefix + "title", errors);
        check(s.body(), prefix + "body", errors);
        check(s.language(), prefix + "language", errors);
        if (!errors.isEmpty()) {
            throw new UnreadableException(errors);
        }
    }

    private static void check(String value, String field, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                errors.add(new FieldError(field, "contains an unpaired UTF-16 surrogate"));
                return;
            }
            if (Character.isLowSurrogate(c)) {
                errors.add(new FieldError(field, "contains an unpaired UTF-16 surrogate"));
                return;
            }
        }
    }

    /** A field error for a Jackson failure, naming the field and never quoting the input. */
    static FieldError describe(IOException e, String prefix) {
        if (e instanceof StreamConstraintsException) {
            return new FieldError(
                    prefix.isEmpty() ? "body" : trim(prefix),
                    "exceeds a JSON limit: nested deeper than " + EventJson.MAX_NESTING_DEPTH
                            + " levels or a number longer than 100 digits");
        }
        if (e instanceof JsonEOFException eof) {
            return new FieldError("body", "is truncated JSON: it ends unexpectedly" + location(eof));
        }
        if (e instanceof InputCoercionException coercion) {
            String field = currentName(coercion);
            return new FieldError(field == null ? "body" : prefix + field, "is a number out of range");
        }
        if (e instanceof JsonMappingException mapping
                && mapping.getCause() instanceof InputCoercionException
                && !EventJson.fieldPath(mapping).isEmpty()) {
            return new FieldError(prefix + EventJson.fieldPath(mapping), "is a number out of range");
        }
        if (e instanceof MismatchedInputException mismatch) {
            String path = EventJson.fieldPath(mismatch);
            String message = mismatch.getOriginalMessage();
            if (message != null && message.startsWith("Trailing token")) {
                return new FieldError("body", "is not valid JSON: more follows the object" + location(mismatch));
            }
            if (path.isEmpty()) {
                return new FieldError(prefix.isEmpty() ? "body" : trim(prefix), "must be a JSON object");
            }
            return new FieldError(prefix + path, "must be " + expected(mismatch.getTargetType()));
        }
        if (e instanceof JsonMappingException mapping
                && !EventJson.fieldPath(mapping).isEmpty()) {
            return new FieldError(prefix + EventJson.fieldPath(mapping), "has the wrong type or format");
        }
        if (e instanceof JsonProcessingException processing) {
            String detail = processing.getOriginalMessage();
            if (detail != null && detail.startsWith("Duplicate field")) {
                return new FieldError("body", "has a duplicate field" + location(processing));
            }
            return new FieldError("body", "is not valid JSON" + location(processing));
        }
        return new FieldError("body", "cannot be read");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Instant.class) {
            return "an ISO-8601 UTC timestamp such as 2026-11-21T10:00:00Z";
        }
        return "a JSON object";
    }

    private static String currentName(InputCoercionException e) {
        try {
            JsonParser parser = e.getProcessor();
            return parser == null ? null : parser.currentName();
        } catch (IOException ignored) {
            return null;
        }
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    private static String trim(String prefix) {
        return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
