package dev.modpipe.classifier.engine;

import dev.modpipe.classifier.cues.ClaimCatalogue.ClaimHit;
import dev.modpipe.classifier.cues.ClaimCatalogue.Stance;
import dev.modpipe.classifier.cues.CueCatalogue;
import dev.modpipe.classifier.cues.CueHit;
import dev.modpipe.classifier.cues.CueRule;
import dev.modpipe.classifier.engine.FeatureExtractor.Stage;
import dev.modpipe.classifier.model.ModelBundle;
import dev.modpipe.classifier.normalize.AnalyzedText;
import dev.modpipe.classifier.normalize.LanguageGuesser;
import dev.modpipe.model.Category;
import dev.modpipe.model.Evidence;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.model.Subcategory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classification engine: plain Java, no framework. For each text it extracts features ({@link
 * FeatureExtractor}), scores every category with its calibrated OpenNLP categorizer, applies the
 * explicit {@link RiskRules}, and decides flags, risk and evidence:
 *
 * <ul>
 *   <li>a category is flagged when its calibrated score reaches its threshold;
 *   <li>SELF_HARM is also flagged when an active cue implies HIGH risk or more and the score
 *       reaches the (lower) cue gate; a non-English post is flagged SELF_HARM, at least MODERATE,
 *       on any active self-harm cue, since the English models cannot judge it (its language is on
 *       the result, so the review side can route it to people who read it);
 *   <li>the risk of a flagged post is the highest of LOW, the rules' level and the risk model's
 *       level; an unflagged post has risk NONE, so MODERATE or more always carries SELF_HARM;
 *   <li>fail closed: when a stage fails the result is {@code degraded}, and if the post could be
 *       about self-harm (a self-harm cue hit, or the cues or self-harm model themselves failed) it
 *       is flagged SELF_HARM with risk at least MODERATE rather than passed.
 * </ul>
 *
 * Thread-safe: models are loaded once and shared; see {@link ModelBundle}.
 */
public final class ClassificationEngine {
    private static final Logger log = LoggerFactory.getLogger(ClassificationEngine.class);

    /**
     * Lowest HARMFUL/MISINFORMATION score at which an active signal cue of the category flags it.
     * It was 0.2; on the blind sets of independent writers the posts it flagged between 0.2 and
     * 0.4 were mock threats between friends and scam warnings (8 of 9), see the README.
     */
    static final double SIGNAL_CUE_GATE = 0.4;

    /**
     * The score a passage of a long post ({@link FeatureExtractor#passages}) must reach, on its
     * own, to stand for the whole post in a category: the model must be all but sure of it. A
     * long post's score weighs all its words, so two lines of a plan in a long account of an
     * ordinary week score like the week (0.004 for a post the same lines alone score 0.998);
     * but a passage cut from a long recovery story or supportive reply loses the context that
     * makes it one (the "five years ago" two sentences earlier), so a passage that is merely
     * likely is not enough. Chosen on a set of 150 long posts written for the purpose (module
     * README, round 21): SELF_HARM passages at 0.95 with the crisis model at 0.8 caught 17 of the
     * 18 HIGH and IMMINENT posts the whole-post score missed for 1 of 60 hard negatives; at 0.55
     * 18 for 20.
     */
    static final Map<Category, Double> PASSAGE_SCORE =
            Map.of(Category.SELF_HARM, 0.95, Category.HARMFUL, 0.95, Category.MISINFORMATION, 0.97);

    /**
     * The HARMFUL cue of a warning ("PSA: watch out for this scam", "reporting this user"): a long
     * post that warns quotes what it warns about, so no passage of it stands for the post in HARMFUL.
     */
    static final String WARNING_CUE = "warning";

    /** The crisis model's probability a SELF_HARM passage must also reach ({@link #PASSAGE_SCORE}). */
    static final double PASSAGE_CRISIS = 0.8;

    /**
     * Lowest SELF_HARM score at which a rule's IMMINENT flags an English post. An IMMINENT rule
     * flags far below the cue gate (recall first), but not a post the model finds all but
     * impossible: in cross-validation every post flagged that way with a score under 0.05 was a
     * hard negative (a supportive reply to "anyone self-harming right now"), and no HIGH or
     * IMMINENT post had a score under 0.1.
     */
    static final double IMMINENT_CUE_GATE = 0.05;

    /** The self-harm cue naming a hobby or cooking context ({@code cues.txt}). */
    static final String HOBBY_CUE = "hobby";

    /**
     * SELF_HARM threshold in a hobby context, or a post told as a story (an accident, a time years
     * back: {@link CueCatalogue#toldAsStory}), without an active self-harm cue of MODERATE or more.
     */
    static final double HOBBY_SELF_HARM_THRESHOLD = 0.9;

    /**
     * The high-risk safety net: a post that the crisis model ({@link Scorer#crisis}: a self-harm post
     * at HIGH or IMMINENT risk against every other post, hard negatives included) gives at least
     * {@link #SAFETY_NET_CRISIS}, and that the SELF_HARM model finds at least possible (score ≥
     * {@link #SAFETY_NET_SCORE}), is flagged and rated at least HIGH, with no cue needed: most
     * crises are said in ordinary words. Until round 10 the net asked the risk model instead (score
     * ≥ 0.3 and P(HIGH) + P(IMMINENT) ≥ 0.85), but the risk model only ever saw self-harm posts: on
     * "final day at the school after 31 years, said goodbye to my last class" it answers "if this
     * were self-harm, it would be HIGH". Measured on the same models (round 11, README): in 5-fold
     * cross-validation hard-negative false positives 398 → 367 of 4,442 for HIGH+IMMINENT recall
     * 1708 → 1695 of 1,865; on blind-1..7 57 → 52 of 770 for 473 → 472 of 490; on dev 86 → 85 of
     * 1,110 for 431 → 432 of 466.
     */
    static final double SAFETY_NET_SCORE = 0.2;

    static final double SAFETY_NET_CRISIS = 0.35;

    /**
     * When the models are sure, they alone may rate a flagged post IMMINENT (with {@link
     * EngineSettings#imminentFromModel()}): the risk model's P(HIGH) + P(IMMINENT) at least this,
     * IMMINENT at least {@link #MODEL_IMMINENT_SHARE} of it, a SELF_HARM score of at least {@link
     * #MODEL_IMMINENT_SCORE} and, since round 11, a crisis probability of at least {@link
     * #MODEL_IMMINENT_CRISIS}. The cue rules find only the crises said in words they know; most
     * IMMINENT posts are said in ordinary words ("the car's running in the garage"). In 5-fold
     * cross-validation (8,047 posts, round 7) IMMINENT posts rated IMMINENT rose from 103 to 403 of
     * 638, for 5 more NONE posts rated IMMINENT (6 to 11) and 22 more HIGH ones (23 to 45, a plan
     * with means: a page there is not wasted); requiring an active cue as well kept only 136. Until
     * round 10 the mass was 0.9 and the score 0.8, with no crisis condition; the crisis model,
     * which has seen the hard negatives, lets both be lower (round 11, README: cross-validation
     * 477 → 491 of 766 IMMINENT posts paged and false pages 25 → 24; dev 135 → 141 of 191 and
     * 7 → 6; blind-1..7 188 → 194 of 210 and 3 → 3).
     */
    static final double MODEL_IMMINENT_HIGH_MASS = 0.8;

    static final double MODEL_IMMINENT_SHARE = 0.7;

    static final double MODEL_IMMINENT_SCORE = 0.75;

    static final double MODEL_IMMINENT_CRISIS = 0.7;

    /**
     * A second way to a model-only IMMINENT (round 23): where the risk model is all but certain
     * (P(HIGH)+P(IMMINENT) at least {@link #MODEL_IMMINENT_SURE_MASS}, IMMINENT at least {@link
     * #MODEL_IMMINENT_SURE_SHARE} of it), a crisis probability of {@link #MODEL_IMMINENT_SURE_CRISIS}
     * is enough; the SELF_HARM score must still reach {@link #MODEL_IMMINENT_SCORE}. The posts this
     * pages are acts under way in plain words ("i'm on the bridge. it's so quiet. i keep telling
     * myself ok on three", "in the garage with the car running", "water in the tub's going pink")
     * that the crisis model rated 0.55 to 0.7. Replayed from the results of round 22's engine:
     * cross-validation 20 more IMMINENT posts paged for 3 more false pages; dev 8 and blind-1..15
     * 7 more, no false page.
     */
    static final double MODEL_IMMINENT_SURE_MASS = 0.95;

    static final double MODEL_IMMINENT_SURE_SHARE = 0.9;

    static final double MODEL_IMMINENT_SURE_CRISIS = 0.55;

    /**
     * A flagged post that only the risk model rates HIGH (no cue rule says HIGH) is rated MODERATE
     * when the crisis model gives it under this. HIGH puts a post at the top of the queue with the
     * shortest deadline; the risk model, which has only seen self-harm posts, rates HIGH many posts
     * that are far from a crisis. Round 11 (README): in cross-validation 23 fewer posts below HIGH
     * rated HIGH, on dev 8, on blind-1..7 6, and not one HIGH or IMMINENT post lost anywhere (at
     * 0.05: 46 fewer in cross-validation, but 4 HIGH or IMMINENT posts lost).
     */
    static final double MODEL_HIGH_CRISIS_FLOOR = 0.02;

    private final FeatureExtractor extractor;
    private final Scorer scorer;
    private final RiskRules rules = new RiskRules();
    private final EngineSettings settings;
    private final String modelVersion;

    /** What scores a post's features; {@link ModelBundle} in production. */
    public interface Scorer {
        double score(Category category, ModelBundle.Features features);

        Map<Subcategory, Double> subcategories(Category category, ModelBundle.Features features);

        Map<RiskLevel, Double> risk(ModelBundle.Features features);

        /** The calibrated probability that the post is a self-harm post at HIGH or IMMINENT risk. */
        double crisis(ModelBundle.Features features);

        /**
         * {@link #score}, or NaN when the score provably stays under {@code bar} (a scorer may then
         * spare work that could not lift it there); never NaN for a score that rounds to {@code bar}
         * or more.
         */
        default double scoreReaching(Category category, ModelBundle.Features features, double bar) {
            return score(category, features);
        }
    }

    public ClassificationEngine(
            FeatureExtractor extractor, Scorer scorer, String modelVersion, EngineSettings settings) {
        this.extractor = extractor;
        this.scorer = scorer;
        this.modelVersion = modelVersion + "+d" + decisionDigest(settings);
        this.settings = settings;
    }

    public ClassificationEngine(FeatureExtractor extractor, ModelBundle models, EngineSettings settings) {
        this(extractor, bundleScorer(models), models.version(), settings);
    }

    /** The engine with the models built into the jar and the pre-trained OpenNLP models. */
    public static ClassificationEngine fromClasspath(EngineSettings settings) {
        return new ClassificationEngine(FeatureExtractor.fromClasspath(), ModelBundle.fromClasspath(), settings);
    }

    private static Scorer bundleScorer(ModelBundle models) {
        return new Scorer() {
            @Override
            public double score(Category category, ModelBundle.Features features) {
                return models.score(category, features);
            }

            @Override
            public Map<Subcategory, Double> subcategories(Category category, ModelBundle.Features features) {
                return models.subcategories(category, features);
            }

            @Override
            public Map<RiskLevel, Double> risk(ModelBundle.Features features) {
                return models.risk(features);
            }

            @Override
            public double crisis(ModelBundle.Features features) {
                return models.crisis(features);
            }

            @Override
            public double scoreReaching(Category category, ModelBundle.Features features, double bar) {
                return models.scoreReaching(category, features, bar);
            }
        };
    }

    /**
     * The version every result carries: the models' version ({@code opennlp-maxent-nb-<12 hex>},
     * which covers the models, their calibration and the cue and claim catalogues) and, after
     * {@code +d}, a digest of the decision's thresholds, gates and settings. Two results with the
     * same version were decided the same way; a changed gate or a threshold set in configuration
     * changes it.
     */
    public String modelVersion() {
        return modelVersion;
    }

    /** Six hex digits of SHA-256 over every threshold, gate and setting the decision reads. */
    static String decisionDigest(EngineSettings settings) {
        StringBuilder b = new StringBuilder("decision-v9");
        for (Category c : Category.values()) {
            b.append(';').append(c).append('=').append(settings.threshold(c));
        }
        b.append(";cueGate=").append(settings.selfHarmCueGate());
        b.append(";highRisk=").append(settings.highRiskThreshold());
        b.append(";imminent=").append(settings.imminentThreshold());
        b.append(";imminentFromModel=").append(settings.imminentFromModel());
        for (double constant : new double[] {
            SIGNAL_CUE_GATE,
            IMMINENT_CUE_GATE,
            HOBBY_SELF_HARM_THRESHOLD,
            SAFETY_NET_SCORE,
            SAFETY_NET_CRISIS,
            MODEL_IMMINENT_HIGH_MASS,
            MODEL_IMMINENT_SHARE,
            MODEL_IMMINENT_SCORE,
            MODEL_IMMINENT_CRISIS,
            MODEL_IMMINENT_SURE_MASS,
            MODEL_IMMINENT_SURE_SHARE,
            MODEL_IMMINENT_SURE_CRISIS,
            MODEL_HIGH_CRISIS_FLOOR,
            PASSAGE_CRISIS,
            PASSAGE_SCORE.get(Category.SELF_HARM),
            PASSAGE_SCORE.get(Category.HARMFUL),
            PASSAGE_SCORE.get(Category.MISINFORMATION),
            FeatureExtractor.PASSAGE_WORDS,
            FeatureExtractor.LONG_POST_WORDS
        }) {
            b.append(';').append(constant);
        }
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public EngineSettings settings() {
        return settings;
    }

    /** Classifies {@code text}; {@code languageHint} is the platform's optional language. */
    public Classification classify(String text, String languageHint) {
        EnumSet<Stage> failed = EnumSet.noneOf(Stage.class);
        PostFeatures f = extractor.extract(text, languageHint, failed);
        return decide(f, failed);
    }

    /** Scores and decides on features extracted already ({@code failed}: the stages that failed). */
    public Classification decide(PostFeatures f, EnumSet<Stage> failed) {
        // generated once for all the models
        ModelBundle.Features doc;
        try {
            doc = ModelBundle.features(f.document());
        } catch (RuntimeException e) {
            doc = null;
            log.warn("model features failed ({})", e.getClass().getName());
        }

        Map<Category, Double> scores = new EnumMap<>(Category.class);
        Set<Category> modelFailed = EnumSet.noneOf(Category.class);
        for (Category c : Category.values()) {
            try {
                if (doc == null) {
                    throw new IllegalStateException("no features");
                }
                scores.put(c, round(scorer.score(c, doc)));
            } catch (RuntimeException e) {
                modelFailed.add(c);
                failed.add(Stage.MODELS);
                scores.put(c, 0.0);
                log.warn("classifier model for {} failed ({})", c, e.getClass().getName());
            }
        }
        // a long post is also read passage by passage: a passage the models are sure of stands
        // for the post in its category, and the risk and crisis models read that passage
        Map<Category, PassageRead> decisive = new EnumMap<>(Category.class);
        if (doc != null && !f.passages().isEmpty()) {
            try {
                Set<Category> skip = EnumSet.noneOf(Category.class);
                skip.addAll(modelFailed);
                if (hasCue(f, Category.HARMFUL, WARNING_CUE)) {
                    skip.add(Category.HARMFUL);
                }
                readPassages(f.passages(), scores, skip, decisive);
            } catch (RuntimeException e) {
                failed.add(Stage.MODELS);
                log.warn("passage models failed ({})", e.getClass().getName());
            }
        }
        ModelBundle.Features riskDoc = decisive.containsKey(Category.SELF_HARM)
                ? decisive.get(Category.SELF_HARM).features()
                : doc;
        RiskRules.Assessment rule;
        try {
            rule = rules.assess(f);
        } catch (RuntimeException e) {
            failed.add(Stage.CUES);
            rule = new RiskRules.Assessment(RiskLevel.NONE, false, false);
        }
        boolean english = LanguageGuesser.ENGLISH.equals(f.language());

        List<Category> flags = new ArrayList<>();
        double sh = scores.get(Category.SELF_HARM);
        // The categorizers learnt English: on other languages their scores are noise, so there
        // only the (multilingual) cues flag self-harm.
        double shThreshold = selfHarmThreshold(f, rule.level());
        boolean selfHarm = (english
                        && (sh >= shThreshold
                                || (rule.level().atLeast(RiskLevel.HIGH) && sh >= settings.selfHarmCueGate())))
                || (rule.level() == RiskLevel.IMMINENT && (!english || sh >= IMMINENT_CUE_GATE));
        OnceModel<Map<RiskLevel, Double>> riskModel = new OnceModel<>("risk", riskDoc, failed, this::riskDistribution);
        // a passage that decided SELF_HARM had its crisis probability read already
        PassageRead selfHarmPassage = decisive.get(Category.SELF_HARM);
        OnceModel<Double> crisisModel = new OnceModel<>(
                "crisis", riskDoc, failed, selfHarmPassage != null ? read -> selfHarmPassage.crisis() : scorer::crisis);
        boolean crisis = false;
        if (english && !selfHarm && doc != null && sh >= SAFETY_NET_SCORE) {
            Double c = crisisModel.value();
            crisis = c != null && c >= SAFETY_NET_CRISIS;
            selfHarm = crisis;
        }
        RiskLevel risk = crisis ? RiskLevel.HIGH : RiskLevel.NONE;
        if (!english && rule.anyActiveSelfHarmCue()) {
            selfHarm = true;
            risk = RiskLevel.MODERATE;
        }
        boolean degraded = !failed.isEmpty();
        if (degraded
                && (rule.anySelfHarmCue()
                        || modelFailed.contains(Category.SELF_HARM)
                        || crisisModel.failed()
                        || failed.contains(Stage.CUES)
                        || failed.contains(Stage.NORMALIZE)
                        || failed.contains(Stage.TOKENIZE))) {
            // fail closed: a post we could not fully read may be a cry for help
            selfHarm = true;
            risk = RiskLevel.max(risk, RiskLevel.MODERATE);
        }
        if (selfHarm) {
            flags.add(Category.SELF_HARM);
            risk = RiskLevel.max(risk, RiskLevel.max(RiskLevel.LOW, rule.level()));
            if (english) {
                // IMMINENT wakes on-call staff: it takes explicit evidence (a rule) or a risk
                // model that is sure, on a post that the SELF_HARM and crisis models are sure of.
                Map<RiskLevel, Double> p = riskModel.value();
                RiskLevel model = modelRisk(p);
                if (model == RiskLevel.IMMINENT
                        && rule.level() != RiskLevel.IMMINENT
                        && !(settings.imminentFromModel() && sureOfImminent(p, sh, crisisModel))) {
                    model = RiskLevel.HIGH;
                }
                if (model == RiskLevel.HIGH && !rule.level().atLeast(RiskLevel.HIGH)) {
                    Double c = crisisModel.value();
                    if (c != null && c < MODEL_HIGH_CRISIS_FLOOR) {
                        model = RiskLevel.MODERATE;
                    }
                }
                risk = RiskLevel.max(risk, model);
                if (decisive.containsKey(Category.SELF_HARM)) {
                    // the passage that decided it has the crisis model at PASSAGE_CRISIS or more,
                    // above the safety net's bar for HIGH: the risk model, on those few words, may
                    // not rate it lower ("took the whole strip ... wasn't trying to die exactly": LOW)
                    risk = RiskLevel.max(risk, RiskLevel.HIGH);
                }
            }
        }
        for (Category c : List.of(Category.HARMFUL, Category.MISINFORMATION)) {
            if (modelFailed.contains(c)) {
                continue;
            }
            double score = scores.get(c);
            // an active signal cue of the category (a veiled threat, a scam's payment request) is
            // evidence of its own: the model then only has to find the post plausible
            if (score >= settings.threshold(c) || (english && score >= SIGNAL_CUE_GATE && hasActiveSignal(f, c))) {
                flags.add(c);
            }
        }
        Map<String, Double> subcategories = subcategories(doc, decisive, scores, modelFailed, failed);
        List<Evidence> evidence = evidence(f, flags, decisive);
        if (english && doc != null) {
            modelEvidence(f, flags, decisive, modelFailed, evidence);
        }
        return new Classification(
                f.language(), modelVersion, scores, subcategories, risk, flags, evidence, !failed.isEmpty());
    }

    /**
     * The score a post's SELF_HARM model must reach to flag it. A hobby or cooking context ("knife
     * skills class tonight") or a story context ("the chisel slipped, four stitches"; "my attempt in
     * 2009") with no self-harm cue of MODERATE or more left active: the words of means, injuries and
     * timelines are the hobby's or the story's, so the model must be sure. The crisis model's safety
     * net still applies below it: round 17 measured it gated by the story context too, which
     * unflagged two more dev hard negatives but missed a blind goodbye ("five years on this forum"
     * read as a date).
     */
    double selfHarmThreshold(PostFeatures f, RiskLevel ruleLevel) {
        double threshold = settings.threshold(Category.SELF_HARM);
        if (!ruleLevel.atLeast(RiskLevel.MODERATE) && (inHobby(f) || CueCatalogue.toldAsStory(f.cues()))) {
            threshold = Math.max(threshold, HOBBY_SELF_HARM_THRESHOLD);
        }
        return threshold;
    }

    /**
     * A hobby or cooking context that is not the post's cover story: "I said the kitchen knife
     * slipped", "told the nurse I slipped while cooking" are the lie told about an injury, as an
     * accident with a cover story is not a story ({@link CueCatalogue#toldAsStory}); nor a frame
     * the post drops ("my character ... honestly it isn't a story. it's me": {@link
     * CueCatalogue#UNMASKED}).
     */
    private static boolean inHobby(PostFeatures f) {
        return hasCue(f, Category.SELF_HARM, HOBBY_CUE)
                && !hasCue(f, Category.SELF_HARM, CueCatalogue.COVER_STORY)
                && !hasCue(f, Category.SELF_HARM, CueCatalogue.UNMASKED);
    }

    private static boolean hasCue(PostFeatures f, Category c, String cue) {
        for (CueHit hit : f.cues()) {
            if (hit.rule().category() == c && hit.rule().cue().equals(cue)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasActiveSignal(PostFeatures f, Category c) {
        for (CueHit hit : f.cues()) {
            if (hit.rule().category() == c && hit.rule().kind() == CueRule.Kind.SIGNAL && hit.active()) {
                return true;
            }
        }
        return false;
    }

    /** The risk model's distribution; one missing a level counts as the model failing. */
    private Map<RiskLevel, Double> riskDistribution(ModelBundle.Features doc) {
        Map<RiskLevel, Double> d = scorer.risk(doc);
        for (RiskLevel level : RiskLevel.values()) {
            if (level != RiskLevel.NONE) {
                Objects.requireNonNull(d.get(level), level.name());
            }
        }
        return d;
    }

    private static boolean sureOfImminent(Map<RiskLevel, Double> p, double selfHarmScore, OnceModel<Double> crisis) {
        double high = highMass(p);
        if (selfHarmScore < MODEL_IMMINENT_SCORE
                || high < MODEL_IMMINENT_HIGH_MASS
                || p.get(RiskLevel.IMMINENT) < MODEL_IMMINENT_SHARE * high) {
            return false;
        }
        Double c = crisis.value();
        if (c == null) {
            return false;
        }
        boolean sure =
                high >= MODEL_IMMINENT_SURE_MASS && p.get(RiskLevel.IMMINENT) >= MODEL_IMMINENT_SURE_SHARE * high;
        return c >= (sure ? MODEL_IMMINENT_SURE_CRISIS : MODEL_IMMINENT_CRISIS);
    }

    /**
     * One model's output for one post, evaluated at most once however many decisions read it (the
     * risk model: the risk level and model-only IMMINENT; the crisis model: the safety net,
     * model-only IMMINENT and the floor under HIGH); {@code null} when the model fails, which is
     * logged and recorded in {@code failed}.
     */
    private static final class OnceModel<T> {
        private final String name;
        private final ModelBundle.Features doc;
        private final EnumSet<Stage> failed;
        private final Function<ModelBundle.Features, T> model;
        private boolean evaluated;
        private boolean broken;
        private T value;

        OnceModel(
                String name, ModelBundle.Features doc, EnumSet<Stage> failed, Function<ModelBundle.Features, T> model) {
            this.name = name;
            this.doc = doc;
            this.failed = failed;
            this.model = model;
        }

        T value() {
            if (!evaluated) {
                evaluated = true;
                try {
                    if (doc == null) {
                        throw new IllegalStateException("no features");
                    }
                    value = model.apply(doc);
                } catch (RuntimeException e) {
                    broken = true;
                    failed.add(Stage.MODELS);
                    log.warn(
                            "classifier {} model failed ({})",
                            name,
                            e.getClass().getName());
                }
            }
            return value;
        }

        boolean failed() {
            return broken;
        }
    }

    private static double highMass(Map<RiskLevel, Double> p) {
        return p.get(RiskLevel.HIGH) + p.get(RiskLevel.IMMINENT);
    }

    /** The risk model's level; MODERATE when the model failed ({@code p} null). */
    private RiskLevel modelRisk(Map<RiskLevel, Double> p) {
        if (p == null) {
            return RiskLevel.MODERATE;
        }
        double high = highMass(p);
        if (high >= settings.highRiskThreshold()) {
            return high > 0 && p.get(RiskLevel.IMMINENT) / high >= settings.imminentThreshold()
                    ? RiskLevel.IMMINENT
                    : RiskLevel.HIGH;
        }
        return p.get(RiskLevel.MODERATE) + high >= p.get(RiskLevel.LOW) ? RiskLevel.MODERATE : RiskLevel.LOW;
    }

    /**
     * Scores each passage of a long post; where a passage reaches {@link #PASSAGE_SCORE} (and, for
     * SELF_HARM, {@link #PASSAGE_CRISIS}) above the post's own score, its score replaces the post's
     * in {@code scores} and the passage goes in {@code decisive}; categories in {@code skip} are
     * left as they are.
     */
    private void readPassages(
            List<Passage> passages,
            Map<Category, Double> scores,
            Set<Category> skip,
            Map<Category, PassageRead> decisive) {
        for (Passage passage : passages) {
            ModelBundle.Features p = ModelBundle.features(passage.document());
            for (Category c : Category.values()) {
                if (skip.contains(c)) {
                    continue;
                }
                double bar = PASSAGE_SCORE.get(c);
                // NaN when the passage cannot reach the bar: most passages are far from it
                double reached = scorer.scoreReaching(c, p, bar);
                if (Double.isNaN(reached)) {
                    continue;
                }
                double score = round(reached);
                if (score < bar || score <= scores.get(c)) {
                    continue;
                }
                double crisis = c == Category.SELF_HARM ? scorer.crisis(p) : Double.NaN;
                if (c != Category.SELF_HARM || crisis >= PASSAGE_CRISIS) {
                    scores.put(c, score);
                    decisive.put(c, new PassageRead(passage, p, crisis));
                }
            }
        }
    }

    /**
     * A passage that decided a category, its features as the models read them and, for SELF_HARM,
     * the crisis model's probability on it (NaN for the other categories).
     */
    private record PassageRead(Passage passage, ModelBundle.Features features, double crisis) {}

    private Map<String, Double> subcategories(
            ModelBundle.Features doc,
            Map<Category, PassageRead> decisive,
            Map<Category, Double> scores,
            Set<Category> modelFailed,
            EnumSet<Stage> failed) {
        Map<String, Double> result = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            if (modelFailed.contains(c)) {
                continue;
            }
            try {
                for (Map.Entry<Subcategory, Double> e : scorer.subcategories(
                                c, decisive.containsKey(c) ? decisive.get(c).features() : doc)
                        .entrySet()) {
                    result.put(e.getKey().key(), round(scores.get(c) * e.getValue()));
                }
            } catch (RuntimeException e) {
                failed.add(Stage.MODELS);
                log.warn(
                        "classifier subcategory model for {} failed ({})",
                        c,
                        e.getClass().getName());
            }
        }
        return result;
    }

    /**
     * The evidence of the flagged categories: their active cue hits and, for MISINFORMATION, the
     * claims asserted; for a category a passage decided, only those in that passage (a long post's
     * "by the river" three paragraphs before the plan is not evidence of it).
     */
    private static List<Evidence> evidence(PostFeatures f, List<Category> flags, Map<Category, PassageRead> decisive) {
        AnalyzedText text = f.text();
        String original = text.normalized().original();
        List<Evidence> evidence = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CueHit hit : f.cues()) {
            CueRule rule = hit.rule();
            // a mitigation, an accident, a date, a cover story or "again" tells how the post's other
            // cues count; shown as evidence of self-harm it would mislead the moderator
            if (!hit.active() || !rule.kind().isEvidence() || !flags.contains(rule.category())) {
                continue;
            }
            PassageRead read = decisive.get(rule.category());
            if (read != null && !read.passage().contains(hit.start())) {
                continue;
            }
            // a wish or a thought the intent patterns match is shown as the rules read it
            String cue = RiskRules.readAsIdeation(text, hit) ? RiskRules.IDEATION : rule.cue();
            add(evidence, seen, rule.category(), cue, text.originalSpan(hit.start(), hit.end()), original);
        }
        if (flags.contains(Category.MISINFORMATION)) {
            PassageRead read = decisive.get(Category.MISINFORMATION);
            for (ClaimHit hit : f.claims()) {
                if (hit.stance() == Stance.ASSERTED
                        && (read == null || read.passage().contains(hit.start()))) {
                    add(
                            evidence,
                            seen,
                            Category.MISINFORMATION,
                            "claim:" + hit.claim().id(),
                            text.originalSpan(hit.start(), hit.end()),
                            original);
                }
            }
        }
        return evidence;
    }

    /** The evidence {@code cue} of a sentence the models, not a cue, found ({@link #modelEvidence}). */
    public static final String MODEL_EVIDENCE = "model";

    /** Posts of more sentences than this get no model evidence (each sentence is scored). */
    static final int MODEL_EVIDENCE_SENTENCES = 40;

    /**
     * For a category flagged on the models' word alone (no cue or claim of it is evidence), the
     * sentence its model scores highest, as evidence {@link #MODEL_EVIDENCE}: a moderator or the
     * on-call person paged for "on the footbridge over the bypass. so quiet up here. sorry mum"
     * sees what the models read as the risk, not a post with nothing marked. Within the passage
     * that decided the category, when one did. Nothing when the post has too many sentences or a
     * model fails here (the decision is already made; this only points at it).
     */
    private void modelEvidence(
            PostFeatures f,
            List<Category> flags,
            Map<Category, PassageRead> decisive,
            Set<Category> modelFailed,
            List<Evidence> evidence) {
        List<Category> bare = new ArrayList<>();
        for (Category c : flags) {
            if (!modelFailed.contains(c) && evidence.stream().noneMatch(e -> e.category() == c)) {
                bare.add(c);
            }
        }
        if (bare.isEmpty()) {
            return;
        }
        AnalyzedText text = f.text();
        String original = text.normalized().original();
        try {
            // each sentence's features are generated once, whichever categories read them
            List<ModelBundle.Features> sentences = new ArrayList<>();
            for (String[] document : FeatureExtractor.sentenceDocuments(f, MODEL_EVIDENCE_SENTENCES)) {
                sentences.add(document.length == 0 ? null : ModelBundle.features(document));
            }
            for (Category c : bare) {
                PassageRead read = decisive.get(c);
                int best = -1;
                double bestScore = -1.0;
                for (int s = 0; s < sentences.size(); s++) {
                    if (sentences.get(s) == null
                            || (read != null && !read.passage().overlaps(text.sentenceStart(s), text.sentenceEnd(s)))) {
                        continue;
                    }
                    double score = scorer.score(c, sentences.get(s));
                    if (score > bestScore) {
                        best = s;
                        bestScore = score;
                    }
                }
                if (best >= 0) {
                    add(
                            evidence,
                            new HashSet<>(),
                            c,
                            MODEL_EVIDENCE,
                            text.originalSpan(text.sentenceStart(best), text.sentenceEnd(best)),
                            original);
                }
            }
        } catch (RuntimeException e) {
            log.warn("model evidence failed ({})", e.getClass().getName());
        }
    }

    private static void add(
            List<Evidence> evidence, Set<String> seen, Category category, String cue, int[] span, String original) {
        int start = Math.max(0, Math.min(span[0], original.length()));
        int end = Math.max(start, Math.min(span[1], original.length()));
        if (end > start && seen.add(cue + "@" + start + ":" + end)) {
            evidence.add(new Evidence(category, cue, start, end, original.substring(start, end)));
        }
    }

    static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}
