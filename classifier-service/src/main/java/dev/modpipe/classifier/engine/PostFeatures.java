package dev.modpipe.classifier.engine;

import dev.modpipe.classifier.cues.ClaimCatalogue.ClaimHit;
import dev.modpipe.classifier.cues.CueHit;
import dev.modpipe.classifier.normalize.AnalyzedText;
import java.util.List;

/**
 * What the engine reads from one post before scoring it: the analysed text, the cue and claim hits,
 * and the document tokens the OpenNLP categorizers see (normalised words plus one token per cue and
 * claim hit, such as {@code #sh.intent} or {@code #sh.intent|neg}).
 *
 * @param language ISO 639-1 code of the post's language
 * @param text the normalised, tokenised text
 * @param cues the cue hits
 * @param claims the claim hits
 * @param document the categorizers' input tokens
 * @param passages the passages of a long post ({@link FeatureExtractor#passages}), empty for a
 *     short one
 */
public record PostFeatures(
        String language,
        AnalyzedText text,
        List<CueHit> cues,
        List<ClaimHit> claims,
        String[] document,
        List<Passage> passages) {}
