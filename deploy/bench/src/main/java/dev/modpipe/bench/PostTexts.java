package dev.modpipe.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Composes varied post texts of each {@link PostKind} from the original fragments in {@code
 * post-fragments.txt}: a title (sometimes none), an opening, one or two middles and a closing, with
 * placeholders filled in. Immutable and thread-safe; the caller's random source decides everything.
 */
public final class PostTexts {
    private static final String RESOURCE = "post-fragments.txt";
    private static final List<String> PARTS = List.of("title", "open", "middle", "close");
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] TIMES = {"6 pm", "7 pm", "8 pm", "9 pm", "10 pm", "11 pm", "2 am", "3 am", "noon"};
    private static final String[] NAMES = {
        "Sam", "Priya", "Jonas", "Amara", "Lena", "Tomasz", "Ines", "Kofi", "Mei", "Ruth"
    };
    private static final String[] THINGS = {"desk", "fridge", "mirror", "laptop", "bookshelf", "kettle", "wardrobe"};

    /** A composed text. */
    public record Text(String title, String body) {}

    private final Map<PostKind, Map<String, List<String>>> fragments;

    private PostTexts(Map<PostKind, Map<String, List<String>>> fragments) {
        this.fragments = fragments;
    }

    /** The fragments shipped with the benchmark; every kind has every part. */
    public static PostTexts load() {
        try (InputStream in = PostTexts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PostTexts parse(BufferedReader reader) throws IOException {
        Map<PostKind, Map<String, List<String>>> fragments = new EnumMap<>(PostKind.class);
        List<String> current = null;
        String line;
        while ((line = reader.readLine()) != null) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String[] section = line.substring(1, line.length() - 1).split("\\.");
                if (section.length != 2 || !PARTS.contains(section[1])) {
                    throw new IllegalStateException("bad section " + line);
                }
                current = fragments
                        .computeIfAbsent(PostKind.valueOf(section[0]), k -> new HashMap<>())
                        .computeIfAbsent(section[1], k -> new ArrayList<>());
                continue;
            }
            if (current == null) {
                throw new IllegalStateException("fragment before any section: " + line);
            }
            current.add(line);
        }
        for (PostKind kind : PostKind.values()) {
            for (String part : PARTS) {
                List<String> list = fragments.getOrDefault(kind, Map.of()).get(part);
                if (list == null || list.isEmpty()) {
                    throw new IllegalStateException("no fragments for " + kind + "." + part);
                }
            }
        }
        Map<PostKind, Map<String, List<String>>> frozen = new EnumMap<>(PostKind.class);
        fragments.forEach((kind, parts) -> {
            Map<String, List<String>> copy = new HashMap<>();
            parts.forEach((part, list) -> copy.put(part, List.copyOf(list)));
            frozen.put(kind, Map.copyOf(copy));
        });
        return new PostTexts(frozen);
    }

    /** A text of this kind; the same random state gives the same text. */
    public Text compose(PostKind kind, SplittableRandom random) {
        Map<String, List<String>> parts = fragments.get(kind);
        String title = random.nextInt(4) == 0 ? null : fill(pick(parts.get("title"), random), random);
        List<String> middles = parts.get("middle");
        int first = random.nextInt(middles.size());
        StringBuilder body =
                new StringBuilder(pick(parts.get("open"), random)).append(' ').append(middles.get(first));
        if (middles.size() > 1 && random.nextBoolean()) {
            int second = (first + 1 + random.nextInt(middles.size() - 1)) % middles.size();
            body.append(' ').append(middles.get(second));
        }
        body.append(' ').append(pick(parts.get("close"), random));
        return new Text(title, fill(body.toString(), random));
    }

    /** How many fragments there are of a kind's part (for tests and the report). */
    public int count(PostKind kind, String part) {
        return fragments.get(kind).get(part).size();
    }

    private static String pick(List<String> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }

    private static String fill(String text, SplittableRandom random) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        return text.replace("{day}", DAYS[random.nextInt(DAYS.length)])
                .replace("{time}", TIMES[random.nextInt(TIMES.length)])
                .replace("{name}", NAMES[random.nextInt(NAMES.length)])
                .replace("{thing}", THINGS[random.nextInt(THINGS.length)])
                .replace("{n}", String.valueOf(2 + random.nextInt(29)));
    }
}
