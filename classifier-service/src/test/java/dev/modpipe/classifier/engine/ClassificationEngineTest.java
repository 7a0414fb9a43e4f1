package dev.modpipe.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modpipe.classifier.model.ModelBundle;
import dev.modpipe.model.Category;
import dev.modpipe.model.Evidence;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.model.Subcategory;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine alone, with the models the build trained, no Spring. */
class ClassificationEngineTest {
    private static FeatureExtractor extractor;
    private static ModelBundle models;
    private static ClassificationEngine engine;

    @BeforeAll
    static void load() {
        extractor = FeatureExtractor.fromClasspath();
        models = ModelBundle.fromClasspath();
        engine = new ClassificationEngine(extractor, models, EngineSettings.defaults());
    }

    /** The risk the explicit rules alone give a text (no models). */
    private static RiskLevel ruleLevel(String text) {
        return new RiskRules()
                .assess(extractor.extract(text, null, java.util.EnumSet.noneOf(FeatureExtractor.Stage.class)))
                .level();
    }

    @Test
    void shouldRateAPlanForTonightImminentWithEvidenceInTheOriginalText() {
        String text = "I bought a rope last week and I'm going to kms tonight.";

        Classification c = engine.classify(text, null);

        assertThat(c.flags()).contains(Category.SELF_HARM);
        assertThat(c.selfHarmRisk()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(c.evidence()).extracting(Evidence::cue).contains("timeline", "means_access");
        for (Evidence e : c.evidence()) {
            assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
        }
        assertThat(c.evidence()).anySatisfy(e -> assertThat(e.text()).isEqualTo("tonight"));
        assertThat(c.modelVersion())
                .startsWith("opennlp-maxent-")
                .matches(java.util.regex.Pattern.quote(models.version()) + "\\+d[0-9a-f]{6}");
    }

    /**
     * A crisis post that signs off like an ordinary one ("talk soon") is still a crisis. Round 13
     * tried a context cue for plans to come back ("see you Tuesday", "talk soon") that mitigated
     * the self-harm cues of its sentence: it rated the first of these HIGH instead of IMMINENT,
     * while the evaluation sets' figures barely moved. It was removed; this keeps such posts where
     * they are.
     */
    @Test
    void shouldNotLetACasualSignOffLowerACrisis() {
        for (String text : List.of(
                "I am going to kill myself tonight, talk soon",
                "this is my last post. i wont be here tomorrow. thank you all for trying, talk soon",
                "took all my pills an hour ago, see you later everyone",
                // terse: the language detector's first choice is Volapük, English a hair behind
                "bridge. now. sorry.")) {
            Classification c = engine.classify(text, null);

            assertThat(c.flags()).as(text).contains(Category.SELF_HARM);
            assertThat(c.selfHarmRisk()).as(text).isEqualTo(RiskLevel.IMMINENT);
        }
    }

    @Test
    void theVersionOfAResultNamesTheDecisionSettingsAsWellAsTheModels() {
        EngineSettings defaults = EngineSettings.defaults();
        EngineSettings stricter = defaultsWith(Map.of(Category.SELF_HARM, 0.6), true);
        EngineSettings noModelPages = defaultsWith(Map.of(), false);

        String version = new ClassificationEngine(extractor, models, defaults).modelVersion();

        assertThat(new ClassificationEngine(extractor, models, EngineSettings.defaults()).modelVersion())
                .isEqualTo(version);
        assertThat(new ClassificationEngine(extractor, models, stricter).modelVersion())
                .startsWith(models.version() + "+d")
                .isNotEqualTo(version);
        assertThat(new ClassificationEngine(extractor, models, noModelPages).modelVersion())
                .isNotEqualTo(version);
    }

    @Test
    void shouldNotFlagIdiomsAndRecovery() {
        assertUnflagged(
                "this exam is killing me lol, see you all after finals",
                "Three years ago I wanted to die every single day. Now I have a job I like and a cat.",
                "this recipe is to die for, seriously the best lasagna I've ever made");
    }

    /**
     * Short replies are most of what a forum says, and most of them are nothing (round 28): the
     * models had no intercept, so a post of a word or two they barely knew scored near an even
     * share of their outcomes, and "ok", "good morning" or "congrats!" were flagged as self-harm
     * or harassment. None of these texts is in the corpus. A short crisis is still one.
     */
    @Test
    void shouldNotFlagShortEverydayReplies() {
        assertUnflagged(
                "good luck tmrw", "made soup", "sounds good", "my cat says hi", "ugh traffic", "back from holiday");

        Classification crisis = engine.classify("no one would miss me if i was gone", null);
        assertThat(crisis.flags()).containsExactly(Category.SELF_HARM);
    }

    /** Each text gets no flag and no self-harm risk. */
    private static void assertUnflagged(String... texts) {
        for (String text : texts) {
            Classification c = engine.classify(text, null);
            assertThat(c.flags()).as(text).isEmpty();
            assertThat(c.selfHarmRisk()).as(text).isEqualTo(RiskLevel.NONE);
        }
    }

    /**
     * The register of a post is not evidence (round 27): until then the corpus gave most people at
     * risk a texting voice, and "feelin kinda ok today ngl" scored 0.85 for self-harm where
     * "feeling kind of ok today" scored 0.12. Small talk in texting spellings stays unflagged, and a
     * crisis told in careful prose is still one.
     */
    @Test
    void shouldNotTakeATextingRegisterForRisk() {
        assertUnflagged(
                "feelin kinda ok today ngl",
                "the weather is nice today ngl",
                "this game is kinda mid ngl",
                "lowkey love this song");

        Classification careful = engine.classify(
                "I have written to my sister and settled the last of my accounts. On Sunday evening,"
                        + " once the house is quiet, I intend to end my life.",
                null);
        assertThat(careful.flags()).contains(Category.SELF_HARM);
        assertThat(careful.selfHarmRisk().atLeast(RiskLevel.HIGH)).isTrue();
    }

    @Test
    void shouldRateGivingThingsAwayWithLettersAndADateAsHighRisk() {
        Classification c =
                engine.classify("I gave away my guitar and wrote letters to everyone. It ends on Friday", null);

        assertThat(c.flags()).contains(Category.SELF_HARM);
        assertThat(c.selfHarmRisk().atLeast(RiskLevel.HIGH)).isTrue();
    }

    @Test
    void shouldCountAccessToMeansOnlyWithAnotherSignalOrANearTimeline() {
        assertThat(ruleLevel("I got a new knife set for my wedding and I love it"))
                .isEqualTo(RiskLevel.NONE);
        assertThat(ruleLevel("I have my meds with me today, finally remembered them"))
                .isEqualTo(RiskLevel.NONE);
        assertThat(ruleLevel("I've been stockpiling my pills. I don't want to be here anymore."))
                .isEqualTo(RiskLevel.HIGH);
        assertThat(ruleLevel("I have the pills in front of me and tonight is the night."))
                .isEqualTo(RiskLevel.IMMINENT);
    }

    @Test
    void shouldNotFlagAHobbyWithMeansAndTimelineWordsOrAPastStory() {
        for (String text : List.of(
                "Knife skills class tonight, wish me luck keeping all ten fingers",
                "Two years ago I had a plan and a date. Today I'm three years clean and happy.")) {
            Classification c = engine.classify(text, null);
            assertThat(c.flags()).as(text).isEmpty();
        }
    }

    /**
     * An injury told as an accident, or an attempt dated years back, with no self-harm cue left
     * active: the model must be as sure as in a hobby context. A cover story or something recent
     * takes the context away.
     */
    @Test
    void shouldAskTheModelToBeSureOfAnInjuryToldAsAnAccidentOrAnAttemptDatedYearsBack() {
        double usual = EngineSettings.defaults().threshold(Category.SELF_HARM);
        for (String text : List.of(
                "Slipped on the ice walking the dog and split my chin open, six stitches and a lovely bruise.",
                "My attempt was in 2011. Fourteen years later I run the support group that helped me.")) {
            assertThat(selfHarmThreshold(text)).as(text).isEqualTo(ClassificationEngine.HOBBY_SELF_HARM_THRESHOLD);
        }
        for (String text : List.of(
                "Told everyone I slipped on the ice but I cut my arm on purpose, it needed stitches.",
                "My attempt was in 2011 and I relapsed last night.")) {
            assertThat(selfHarmThreshold(text)).as(text).isEqualTo(usual);
        }
    }

    /** A cooking word in the lie told about an injury is no hobby context. */
    @Test
    void shouldNotTakeACookingCoverStoryForAHobby() {
        assertThat(selfHarmThreshold("Chopping onions for the curry tonight, knife skills class paid off"))
                .isEqualTo(ClassificationEngine.HOBBY_SELF_HARM_THRESHOLD);
        assertThat(selfHarmThreshold("A&E again. they glued it. I said the kitchen knife slipped while cooking."))
                .isEqualTo(EngineSettings.defaults().threshold(Category.SELF_HARM));
    }

    /** Round 24: a story or game frame the post drops ("it isn't a story. it's me") asks nothing more of the model. */
    @Test
    void shouldNotAskMoreOfTheModelForAStoryThePostDrops() {
        String framed = "For a story I'm writing, my character has saved her tablets and picked the 22nd.";
        assertThat(selfHarmThreshold(framed)).isEqualTo(ClassificationEngine.HOBBY_SELF_HARM_THRESHOLD);
        assertThat(selfHarmThreshold(framed + " Honestly it isn't a story. It's me."))
                .isEqualTo(EngineSettings.defaults().threshold(Category.SELF_HARM));
        assertThat(selfHarmThreshold(framed + " Same as me, funnily enough."))
                .isEqualTo(EngineSettings.defaults().threshold(Category.SELF_HARM));
    }

    @Test
    void shouldNotShowTheContextCuesAsEvidence() {
        Classification c = engine.classify(
                "left the door on the latch and the cat is fed. its tonight, i have the pills. goodbye everyone", null);

        assertThat(c.selfHarmRisk()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(c.evidence()).extracting(Evidence::cue).contains("timeline").doesNotContain("recent");
    }

    private static double selfHarmThreshold(String text) {
        PostFeatures f = extractor.extract(text, null, java.util.EnumSet.noneOf(FeatureExtractor.Stage.class));
        return engine.selfHarmThreshold(f, new RiskRules().assess(f).level());
    }

    private static final String ORDINARY_WEEK = "Work has been a lot this month. My manager keeps moving deadlines and"
            + " the new system we migrated to loses half the tickets. On the bright side my sister visited last"
            + " weekend and we went to that market by the river, got some nice cheese and a plant for the"
            + " windowsill. The cat is fine, still knocking things off the shelf at 3am. I've been trying to get"
            + " back into running but my knee is playing up again. ";

    /**
     * A plan told in one sentence of a long post about an ordinary week: the whole post's score
     * weighs the week's words too and, without reading its passages, scored 0.004 (the sentence
     * alone 0.998).
     */
    @Test
    void shouldReadAPlanInTheMiddleOfALongOrdinaryPostFromItsPassages() {
        String plan = "I've decided I'm going to take all the pills I've saved up tonight once everyone is asleep. ";
        for (String text : List.of(ORDINARY_WEEK + plan + ORDINARY_WEEK, ORDINARY_WEEK + ORDINARY_WEEK + plan)) {
            assertThat(extractor
                            .extract(text, null, java.util.EnumSet.noneOf(FeatureExtractor.Stage.class))
                            .passages())
                    .isNotEmpty();

            Classification c = engine.classify(text, null);

            assertThat(c.flags()).contains(Category.SELF_HARM);
            assertThat(c.selfHarmRisk()).isGreaterThanOrEqualTo(RiskLevel.HIGH);
            assertThat(c.evidence()).anySatisfy(e -> assertThat(e.text()).isEqualTo("tonight"));
        }
        // the evidence is the decisive passage's: not the week's "by the river" 70 words earlier
        Classification atTheEnd = engine.classify(ORDINARY_WEEK + ORDINARY_WEEK + plan, null);
        assertThat(atTheEnd.evidence())
                .extracting(Evidence::text)
                .contains("tonight")
                .doesNotContain("river");
        Classification week = engine.classify(ORDINARY_WEEK + ORDINARY_WEEK, null);
        assertThat(week.flags()).isEmpty();
    }

    /**
     * A passage stands for the post only when the crisis model reads it as a crisis: the risk
     * model, reading the same few words, may not rate the post below HIGH (round 21's dev post of
     * an overdose last week, "I wasn't trying to die exactly", rated LOW).
     */
    @Test
    void shouldRateAPostAPassageDecidedAtLeastHigh() {
        String overdose = "Everything on that strip went at once, the evening after the school run. ";
        ClassificationEngine.Scorer passageScorer = new FixedScorer(0.2, 0.0, 0.0, 0.05) {
            @Override
            public double score(Category category, ModelBundle.Features features) {
                boolean passage = features.contains("strip") && !features.contains("cat");
                return category == Category.SELF_HARM && passage ? 0.99 : 0.01;
            }

            @Override
            public double crisis(ModelBundle.Features features) {
                return features.contains("strip") && !features.contains("cat") ? 0.9 : 0.05;
            }
        };
        ClassificationEngine stubbed =
                new ClassificationEngine(extractor, passageScorer, "t", EngineSettings.defaults());

        Classification c = stubbed.classify(ORDINARY_WEEK + ORDINARY_WEEK + overdose + ORDINARY_WEEK, null);

        assertThat(c.flags()).containsExactly(Category.SELF_HARM);
        assertThat(c.selfHarmRisk()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void shouldPointAtTheSentenceTheModelsFlaggedWhenNoCueIsEvidence() {
        // no cue of the catalogue: the models alone flag the post, and they read the risk in the
        // second sentence
        ClassificationEngine.Scorer scorer = new FixedScorer(0.9, 0.5, 0.0, 0.5) {
            @Override
            public double score(Category category, ModelBundle.Features features) {
                return category != Category.SELF_HARM ? 0.01 : features.contains("footbridge") ? 0.9 : 0.2;
            }
        };
        String text = "Long week at work. Up on the footbridge over the bypass, very quiet. Mum rang earlier.";

        Classification c =
                new ClassificationEngine(extractor, scorer, "t", EngineSettings.defaults()).classify(text, null);

        assertThat(c.flags()).containsExactly(Category.SELF_HARM);
        assertThat(c.evidence())
                .containsExactly(new Evidence(
                        Category.SELF_HARM,
                        ClassificationEngine.MODEL_EVIDENCE,
                        text.indexOf("Up on"),
                        text.indexOf(" Mum"),
                        "Up on the footbridge over the bypass, very quiet."));
        // a post with a cue of the category as evidence gets no model evidence
        Classification cued = new ClassificationEngine(extractor, scorer, "t", EngineSettings.defaults())
                .classify("Up on the footbridge over the bypass. I want to die.", null);
        assertThat(cued.evidence()).extracting(Evidence::cue).doesNotContain(ClassificationEngine.MODEL_EVIDENCE);
    }

    /** A long warning quotes the pitch it warns about: that passage does not stand for the post. */
    @Test
    void shouldNotJudgeALongScamWarningByThePitchItQuotes() {
        String text = "PSA for everyone on the anxiety board: there is an account going round sending the same"
                + " message to new members. I have had it twice now and a friend got it too, so here is what it"
                + " looks like so you can spot it. It starts friendly, asks how long you have struggled, says they"
                + " were the same until they found a coach. Then comes the pitch: my programme cured my panic in"
                + " ten days, it is normally 400 but for you 150, pay by gift card or crypto and I will send the"
                + " link today. Then they keep messaging if you do not answer. Please do not reply and do not pay"
                + " anything. Report the account to the mods with a screenshot and block it. Real therapists and"
                + " real services will never ask for gift cards. Stay safe everyone, and be kind to the new"
                + " people, they are the ones being targeted.";

        Classification c = engine.classify(text, null);

        assertThat(c.flags()).isEmpty();
    }

    @Test
    void shouldFlagVeiledThreatsAndPaymentScamsAsHarmful() {
        for (String text : List.of(
                "I know where you live. You'll regret it",
                "see you in the car park after work, you'll regret crossing me",
                "hey sweetheart, I need you to buy some gift cards and send me the codes, I'll pay you back")) {
            Classification c = engine.classify(text, null);
            assertThat(c.flags()).as(text).contains(Category.HARMFUL);
        }
    }

    @Test
    void shouldFlagHarassmentThatTellsSomeoneToDieAsHarmful() {
        Classification c = engine.classify("kys you attention seeking loser, nobody would miss you", null);

        assertThat(c.flags()).contains(Category.HARMFUL);
        assertThat(c.subcategories()).containsKey(Subcategory.HARASSMENT.key());
        assertThat(c.primaryLabel()).isEqualTo("HARMFUL");
    }

    @Test
    void shouldFlagAFalseTreatmentClaimStatedAsAdvice() {
        Classification c = engine.classify(
                "you're on 3 meds?? stop all of them at once and let your body detox, that's why you feel bad", null);

        assertThat(c.flags()).contains(Category.MISINFORMATION);
    }

    @Test
    void shouldRouteANonEnglishCryForHelpToPeople() {
        Classification c = engine.classify("quiero morir esta noche, ya no puedo más con todo esto", null);

        assertThat(c.language()).isEqualTo("es");
        assertThat(c.flags()).contains(Category.SELF_HARM);
        assertThat(c.selfHarmRisk()).isGreaterThanOrEqualTo(RiskLevel.MODERATE);
    }

    @Test
    void shouldKeepTheContractInvariantsOnEveryResult() {
        for (String text : List.of("hello", "i want to die", "go die loser", "vaccines cause autism", "")) {
            Classification c = engine.classify(text, null);
            assertThat(c.flagged()).isEqualTo(!c.flags().isEmpty());
            if (c.selfHarmRisk().atLeast(RiskLevel.MODERATE)) {
                assertThat(c.flags()).contains(Category.SELF_HARM);
            }
            assertThat(c.scores()).containsOnlyKeys(Category.values());
            assertThat(c.scores().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        }
    }

    @Test
    void shouldFailClosedWhenTheSelfHarmModelBreaks() {
        ClassificationEngine broken =
                new ClassificationEngine(extractor, new BrokenScorer(), "test", EngineSettings.defaults());

        Classification c = broken.classify("everything is fine, just a normal day", null);

        assertThat(c.degraded()).isTrue();
        assertThat(c.flags()).contains(Category.SELF_HARM);
        assertThat(c.selfHarmRisk()).isEqualTo(RiskLevel.MODERATE);
    }

    @Test
    void shouldFailClosedWhenTokenisingBreaksOnAPostWithASelfHarmCue() {
        FeatureExtractor brokenTokens = new FeatureExtractor(
                new dev.modpipe.classifier.normalize.TextNormalizer(dev.modpipe.classifier.normalize.Lexicon.of(
                        extractor.cues().words())),
                dev.modpipe.classifier.normalize.LanguageGuesser.fromClasspath(),
                new dev.modpipe.classifier.normalize.TextAnalyzer(
                        new opennlp.tools.sentdetect.SentenceDetector() {
                            @Override
                            public String[] sentDetect(CharSequence s) {
                                return new String[0];
                            }

                            @Override
                            public opennlp.tools.util.Span[] sentPosDetect(CharSequence s) {
                                return new opennlp.tools.util.Span[0];
                            }
                        },
                        new opennlp.tools.tokenize.Tokenizer() {
                            @Override
                            public String[] tokenize(String s) {
                                throw new IllegalStateException("broken");
                            }

                            @Override
                            public opennlp.tools.util.Span[] tokenizePos(String s) {
                                throw new IllegalStateException("broken");
                            }
                        }),
                extractor.cues(),
                extractor.claims());
        ClassificationEngine degraded = new ClassificationEngine(brokenTokens, models, EngineSettings.defaults());

        Classification c = degraded.classify("i want to die", null);

        assertThat(c.degraded()).isTrue();
        assertThat(c.flags()).contains(Category.SELF_HARM);
    }

    @Test
    void shouldGiveTheSameAnswersFromManyThreads() {
        List<String> texts = List.of(
                "i have the pills ready, tonight is the night",
                "send $50 in gift cards and I'll cure your anxiety",
                "you are a pathetic waste of oxygen",
                "had a lovely walk with my dog today");
        List<Classification> expected =
                texts.stream().map(t -> engine.classify(t, null)).toList();

        List<Boolean> same = IntStream.range(0, 400)
                .parallel()
                .mapToObj(i -> {
                    Classification c = engine.classify(texts.get(i % texts.size()), null);
                    Classification e = expected.get(i % texts.size());
                    return c.scores().equals(e.scores()) && c.selfHarmRisk() == e.selfHarmRisk();
                })
                .toList();

        assertThat(same).containsOnly(true);
    }

    @Test
    void shouldNotPageOnCallForEverydayPhrasesThatOnlySoundLikeAnActUnderWay() {
        for (String text : List.of(
                "I have started a new job and I love it",
                "ok going now, see you all tomorrow",
                "I just cut my hair, not sure about the fringe",
                "two espressos and my heart is going crazy lol",
                "I took my pills an hour ago, feeling better")) {
            assertThat(ruleLevel(text)).as(text).isNotEqualTo(RiskLevel.IMMINENT);
        }
        assertThat(ruleLevel("took them all 20 minutes ago. starting to feel dizzy"))
                .isEqualTo(RiskLevel.IMMINENT);
        assertThat(ruleLevel("I'm on the ledge. I can't do this anymore")).isEqualTo(RiskLevel.IMMINENT);
    }

    @Test
    void shouldReadAWishToDieFeltNowAsIdeationAndNotPageForIt() {
        // the intent patterns ("kill myself ... right now", "about ... suicide") also match a wish
        // said with its intensity or a thought: MODERATE by the guide, and not a page
        for (String text : List.of(
                "honestly want to kms so bad rn. the thoughts are so loud",
                "been thinking about suicide again today",
                "wanna unalive myself so much today ugh",
                "kms thoughts rn, they won't shut up",
                "i think about suicide every day")) {
            assertThat(ruleLevel(text)).as(text).isEqualTo(RiskLevel.MODERATE);
        }
        // and the evidence names it as the rules read it
        assertThat(engine.classify("honestly want to kms so bad rn. the thoughts are so loud", null)
                        .evidence())
                .extracting(Evidence::cue)
                .contains("ideation")
                .doesNotContain("intent");
        // what the author is going to do, with a time, is still a page
        for (String text : List.of(
                "kms tonight. it's all laid out on the bed",
                "ctb in an hour. love you all",
                "i think im gonna end it tonight",
                "i think i will kill myself tonight",
                "wanted someone to know. i am going to kill myself tonight",
                // a wish with the time of an act, not of a feeling
                "i want to kill myself tonight",
                "I'm going to kill myself tonight and nobody can stop me")) {
            assertThat(ruleLevel(text)).as(text).isEqualTo(RiskLevel.IMMINENT);
        }
    }

    @Test
    void shouldNotRaiseRiskForEverydayPlansDecisionsAndGoodbyesUnlessTheyComeWithOtherSigns() {
        for (String text : List.of(
                "i have a plan for the budget this month: cash envelopes",
                "I've made up my mind, I'm getting the pixie cut",
                "The date is set! 14th June next year at the little church",
                "This is my last post on this forum, we're moving over to the new site",
                "Moving abroad in three weeks so I'm giving away my plants",
                "took them all back to the library on time, no fines for once")) {
            assertThat(ruleLevel(text)).as(text).isEqualTo(RiskLevel.NONE);
        }
        assertThat(ruleLevel("I have a plan and I want to die")).isEqualTo(RiskLevel.HIGH);
        assertThat(ruleLevel("gave my dog to my sister. this is my last post, I am sorry for everything"))
                .isEqualTo(RiskLevel.HIGH);
        assertThat(ruleLevel("I've made up my mind. the pills are in my bag and tonight is the night"))
                .isEqualTo(RiskLevel.IMMINENT);
        assertThat(ruleLevel("I have everything ready and tonight is the night. Thank you all for trying. Goodbye."))
                .isEqualTo(RiskLevel.IMMINENT);
    }

    @Test
    void shouldFlagAPostTheCrisisModelReadsAsACrisisWithoutACueAndRateItHigh() {
        String text = "sorted the paperwork and the cat has a new home lined up. sunday then";

        // the risk model reads MODERATE (P(HIGH)+P(IMMINENT) 0.1): the crisis model decides
        Classification net = classifyWith(new FixedScorer(0.25, 0.1, 0.0, 0.4), EngineSettings.defaults(), text);
        Classification implausible =
                classifyWith(new FixedScorer(0.15, 0.1, 0.0, 0.9), EngineSettings.defaults(), text);
        Classification noCrisis = classifyWith(new FixedScorer(0.35, 0.1, 0.0, 0.3), EngineSettings.defaults(), text);
        // until round 10 a risk model sure of HIGH flagged the post; it never saw an ordinary post
        Classification riskModelAlone =
                classifyWith(new FixedScorer(0.35, 0.95, 0.0, 0.05), EngineSettings.defaults(), text);

        assertThat(net.flags()).containsExactly(Category.SELF_HARM);
        assertThat(net.selfHarmRisk()).isEqualTo(RiskLevel.HIGH);
        assertThat(implausible.flags()).isEmpty();
        assertThat(noCrisis.flags()).isEmpty();
        assertThat(riskModelAlone.flags()).isEmpty();
    }

    @Test
    void shouldFlagSelfHarmFromTheDefaultThresholdOfZeroPointFour() {
        // an ordinary post, so no cue decides: only the SELF_HARM score against the threshold
        String text = "went for a long walk by the canal after work";

        Classification above = classifyWith(new FixedScorer(0.42, 0.95, 0.0, 0.05), EngineSettings.defaults(), text);
        Classification below = classifyWith(new FixedScorer(0.38, 0.95, 0.0, 0.05), EngineSettings.defaults(), text);
        Classification roundsTwentyNineToThirtyOne = classifyWith(
                new FixedScorer(0.42, 0.95, 0.0, 0.05), defaultsWith(Map.of(Category.SELF_HARM, 0.5), true), text);

        assertThat(above.flags()).containsExactly(Category.SELF_HARM);
        assertThat(above.selfHarmRisk()).isEqualTo(RiskLevel.HIGH);
        assertThat(below.flags()).isEmpty();
        assertThat(roundsTwentyNineToThirtyOne.flags()).isEmpty();
    }

    @Test
    void shouldFailClosedWhenTheCrisisModelFails() {
        String text = "sorted the paperwork and the cat has a new home lined up. sunday then";

        Classification c = new ClassificationEngine(
                        extractor, new FixedScorer(0.3, 0.1, 0.0, Double.NaN), "t", EngineSettings.defaults())
                .classify(text, null);

        assertThat(c.degraded()).isTrue();
        assertThat(c.flags()).contains(Category.SELF_HARM);
        assertThat(c.selfHarmRisk()).isEqualTo(RiskLevel.MODERATE);
    }

    @Test
    void shouldRateImminentOnTheRiskModelAloneOnlyWhenItIsSureAndAllowedTo() {
        // (round 15's models give the round-11 wording of this act HIGH, with 0.977 for the post: which
        // of such posts the risk model is sure of moves with every retraining)
        String text = "engine running, garage door shut, hose through the window. just wanted to thank this group"
                + " before i lie down";
        EngineSettings noModelPages = defaultsWith(Map.of(), false);

        // the models the build trained: no cue rule knows this act, the risk model does
        assertThat(ruleLevel(text)).isNotEqualTo(RiskLevel.IMMINENT);
        assertThat(engine.classify(text, null).selfHarmRisk()).isEqualTo(RiskLevel.IMMINENT);

        assertThat(riskWith(new FixedScorer(0.9, 0.95, 0.8, 0.9), EngineSettings.defaults(), text))
                .isEqualTo(RiskLevel.IMMINENT);
        assertThat(riskWith(new FixedScorer(0.76, 0.81, 0.71, 0.71), EngineSettings.defaults(), text))
                .isEqualTo(RiskLevel.IMMINENT);
        assertThat(riskWith(new FixedScorer(0.9, 0.95, 0.8, 0.9), noModelPages, text))
                .isEqualTo(RiskLevel.HIGH);
        // not sure enough: the post (score), the risk (mass), the imminence (share) or the crisis
        assertThat(riskWith(new FixedScorer(0.7, 0.95, 0.8, 0.9), EngineSettings.defaults(), text))
                .isEqualTo(RiskLevel.HIGH);
        assertThat(riskWith(new FixedScorer(0.9, 0.75, 0.8, 0.9), EngineSettings.defaults(), text))
                .isEqualTo(RiskLevel.HIGH);
        assertThat(riskWith(new FixedScorer(0.9, 0.95, 0.6, 0.9), EngineSettings.defaults(), text))
                .isEqualTo(RiskLevel.HIGH);
        assertThat(riskWith(new FixedScorer(0.9, 0.95, 0.8, 0.6), EngineSettings.defaults(), text))
                .isEqualTo(RiskLevel.HIGH);
        // a crisis model that fails never pages on its own; the post stays flagged, HIGH, degraded
        assertThat(riskWith(new FixedScorer(0.9, 0.95, 0.8, Double.NaN), EngineSettings.defaults(), text))
                .isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void shouldPageOnALowerCrisisProbabilityWhenTheRiskModelIsAllButCertain() {
        String text = "on the footbridge over the bypass. it's so quiet up here. ok on three";
        assertThat(ruleLevel(text)).isNotEqualTo(RiskLevel.IMMINENT);

        // P(HIGH)+P(IMMINENT) 0.97, IMMINENT 0.95 of it: a crisis probability of 0.55 is enough
        assertThat(riskWith(new FixedScorer(0.8, 0.97, 0.95, 0.6), EngineSettings.defaults(), text))
                .isEqualTo(RiskLevel.IMMINENT);
        assertThat(riskWith(new FixedScorer(0.8, 0.97, 0.95, 0.5), EngineSettings.defaults(), text))
                .isEqualTo(RiskLevel.HIGH);
        // less than all but certain, and the crisis model must reach 0.7 as before
        assertThat(riskWith(new FixedScorer(0.8, 0.9, 0.95, 0.6), EngineSettings.defaults(), text))
                .isEqualTo(RiskLevel.HIGH);
        assertThat(riskWith(new FixedScorer(0.8, 0.97, 0.85, 0.6), EngineSettings.defaults(), text))
                .isEqualTo(RiskLevel.HIGH);
        // the post must still be surely about self-harm
        assertThat(riskWith(new FixedScorer(0.7, 0.97, 0.95, 0.6), EngineSettings.defaults(), text))
                .isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void shouldRateModerateAPostOnlyTheRiskModelCallsHighWhenTheCrisisModelAllButRulesItOut() {
        // no cue rule: the risk model alone reads HIGH (P(HIGH)+P(IMMINENT) 0.6, no IMMINENT)
        String text = "everything feels heavy lately and i keep thinking about it";

        assertThat(riskWith(new FixedScorer(0.9, 0.6, 0.0, 0.3), EngineSettings.defaults(), text))
                .isEqualTo(RiskLevel.HIGH);
        assertThat(riskWith(new FixedScorer(0.9, 0.6, 0.0, 0.01), EngineSettings.defaults(), text))
                .isEqualTo(RiskLevel.MODERATE);
        // a crisis model that fails keeps the risk model's HIGH (and the post is degraded)
        assertThat(riskWith(new FixedScorer(0.9, 0.6, 0.0, Double.NaN), EngineSettings.defaults(), text))
                .isEqualTo(RiskLevel.HIGH);
    }

    private static RiskLevel riskWith(ClassificationEngine.Scorer scorer, EngineSettings settings, String text) {
        return classifyWith(scorer, settings, text).selfHarmRisk();
    }

    /** The default settings with other thresholds, and model-only IMMINENT on or off. */
    private static EngineSettings defaultsWith(Map<Category, Double> thresholds, boolean imminentFromModel) {
        EngineSettings d = EngineSettings.defaults();
        return new EngineSettings(
                thresholds, d.selfHarmCueGate(), d.highRiskThreshold(), d.imminentThreshold(), imminentFromModel);
    }

    private static Classification classifyWith(
            ClassificationEngine.Scorer scorer, EngineSettings settings, String text) {
        return new ClassificationEngine(extractor, scorer, "t", settings).classify(text, null);
    }

    /**
     * Fixed model outputs, to pin the decision rules: a SELF_HARM score, a P(HIGH)+P(IMMINENT), the
     * share of IMMINENT in it and the crisis model's probability (NaN: the crisis model fails).
     */
    private static class FixedScorer implements ClassificationEngine.Scorer {
        private final double selfHarm;
        private final double highRisk;
        private final double imminentShare;
        private final double crisis;

        FixedScorer(double selfHarm, double highRisk, double imminentShare, double crisis) {
            this.selfHarm = selfHarm;
            this.highRisk = highRisk;
            this.imminentShare = imminentShare;
            this.crisis = crisis;
        }

        @Override
        public double crisis(ModelBundle.Features features) {
            if (Double.isNaN(crisis)) {
                throw new IllegalStateException("crisis model broken");
            }
            return crisis;
        }

        @Override
        public double score(Category category, ModelBundle.Features features) {
            return category == Category.SELF_HARM ? selfHarm : 0.01;
        }

        @Override
        public Map<Subcategory, Double> subcategories(Category category, ModelBundle.Features features) {
            Map<Subcategory, Double> result = new java.util.EnumMap<>(Subcategory.class);
            for (Subcategory s : Subcategory.values()) {
                if (s.category() == category) {
                    result.put(s, 1.0 / 3);
                }
            }
            return result;
        }

        @Override
        public Map<RiskLevel, Double> risk(ModelBundle.Features features) {
            Map<RiskLevel, Double> result = new java.util.EnumMap<>(RiskLevel.class);
            result.put(RiskLevel.NONE, 0.0);
            result.put(RiskLevel.LOW, (1 - highRisk) / 2);
            result.put(RiskLevel.MODERATE, (1 - highRisk) / 2);
            result.put(RiskLevel.HIGH, highRisk * (1 - imminentShare));
            result.put(RiskLevel.IMMINENT, highRisk * imminentShare);
            return result;
        }
    }

    private static final class BrokenScorer implements ClassificationEngine.Scorer {
        @Override
        public double score(Category category, ModelBundle.Features features) {
            throw new IllegalStateException("model broken");
        }

        @Override
        public Map<Subcategory, Double> subcategories(Category category, ModelBundle.Features features) {
            throw new IllegalStateException("model broken");
        }

        @Override
        public Map<RiskLevel, Double> risk(ModelBundle.Features features) {
            throw new IllegalStateException("model broken");
        }

        @Override
        public double crisis(ModelBundle.Features features) {
            throw new IllegalStateException("model broken");
        }
    }
}
