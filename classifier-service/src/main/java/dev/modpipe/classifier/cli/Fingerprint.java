package dev.modpipe.classifier.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the trained models depend on: the corpus files and the compiled training code and
 * catalogues. The build's {@code train --if-changed} skips training when it is unchanged, so an
 * unchanged module does not retrain on every build.
 */
final class Fingerprint {
    private static final List<String> PACKAGES = List.of("engine", "normalize", "cues", "model", "training", "corpus");

    private Fingerprint() {}

    static String of(Path corpus, Path modelDir) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            hashTree(d, corpus, modelDir);
            Path classes = Path.of(Fingerprint.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isDirectory(classes)) {
                for (String p : PACKAGES) {
                    hashTree(d, classes.resolve("dev/modpipe/classifier/" + p), modelDir);
                }
                hashTree(d, classes.resolve("cues"), modelDir);
            } else {
                d.update(Files.readAllBytes(classes));
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void hashTree(MessageDigest d, Path root, Path exclude) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Path excluded = exclude.toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                if (f.toAbsolutePath().normalize().startsWith(excluded)) {
                    continue;
                }
                d.update(root.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                d.update(Files.readAllBytes(f));
            }
        }
    }

    static boolean matches(Path stamp, String fingerprint) {
        try {
            return Files.exists(stamp)
                    && Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(fingerprint);
        } catch (IOException e) {
            return false;
        }
    }
}
