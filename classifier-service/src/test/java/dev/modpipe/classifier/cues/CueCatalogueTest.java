package dev.modpipe.classifier.cues;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modpipe.classifier.engine.FeatureExtractor;
import dev.modpipe.classifier.engine.FeatureExtractor.Stage;
import dev.modpipe.model.Category;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CueCatalogueTest {
    private static FeatureExtractor extractor;

    @BeforeAll
    static void load() {
        extractor = FeatureExtractor.fromClasspath();
    }

    private static List<String> features(String text) {
        return extractor.extract(text, null, EnumSet.noneOf(Stage.class)).cues().stream()
                .map(CueHit::feature)
                .toList();
    }

    @Test
    void shouldFindActiveIntentAndTimeline() {
        assertThat(features("I'm going to kill myself tonight")).contains("#sh.intent", "#sh.timeline");
    }

    @Test
    void shouldMarkNegatedIdeation() {
        assertThat(features("I don't want to die, I want my anxiety to chill out."))
                .contains("#sh.ideation|neg")
                .doesNotContain("#sh.ideation");
    }

    @Test
    void shouldMarkQuotedStatements() {
        assertThat(features("My best friend texted me 'i'm going to kms' and went offline."))
                .contains("#sh.intent|quote")
                .doesNotContain("#sh.intent");
    }

    @Test
    void shouldMarkStatementsAboutSomeoneElse() {
        assertThat(features("my sister says she wants to die")).contains("#sh.ideation|other");
    }

    @Test
    void shouldMarkThePast() {
        assertThat(features("Three years ago I wanted to die every single day."))
                .contains("#sh.ideation|past");
    }

    @Test
    void shouldTellHarassmentFromAPersonsOwnCrisis() {
        assertThat(features("kys you attention seeking loser")).contains("#hm.tell_to_die");
        assertThat(features("kms, i can't do this anymore"))
                .contains("#sh.ideation")
                .doesNotContain("#hm.tell_to_die");
    }

    /**
     * "Nobody would miss you" tells another user to die; "nobody would miss me" is the author's
     * own passive wish (round 28: the harassment pattern had no object and fired on both).
     */
    @Test
    void shouldTellNobodyWouldMissYouFromNobodyWouldMissMe() {
        assertThat(features("no one would miss me if i was gone"))
                .contains("#sh.passive_ideation")
                .doesNotContain("#hm.tell_to_die");
        assertThat(features("honestly nobody would even notice if i disappeared"))
                .contains("#sh.passive_ideation")
                .doesNotContain("#hm.tell_to_die");
        assertThat(features("nobody would miss you, just leave the forum"))
                .contains("#hm.tell_to_die")
                .doesNotContain("#sh.passive_ideation");
        assertThat(features("no one will care if you die lol")).contains("#hm.tell_to_die");
    }

    /** Two of the commonest ways to say a passive wish, which the catalogue did not have (round 28). */
    @Test
    void shouldFindDoneWithLifeAndLifeNotWorthLiving() {
        assertThat(features("im so done with life")).contains("#sh.passive_ideation");
        assertThat(features("honestly life isn't worth living anymore")).contains("#sh.passive_ideation");
        assertThat(activeCues("I'm done with this job, not done with life")).doesNotContain("passive_ideation");
    }

    @Test
    void shouldMitigateIdioms() {
        assertThat(features("this exam is killing me, I could die of embarrassment"))
                .contains("#sh.idiom");
    }

    @Test
    void shouldReadAnOverdoseToldWithoutTheWordIAsUnderWay() {
        // crisis posts often drop the subject; "all my pills" and "every pill I had" name the whole supply
        assertThat(features("took all my pills an hour ago, see you later everyone"))
                .contains("#sh.in_progress");
        assertThat(features("just took every pill i had. goodbye everyone")).contains("#sh.in_progress");
        assertThat(features("swallowed every tablet in the house")).contains("#sh.in_progress");
        assertThat(features("took all my morning meds, now off to work")).doesNotContain("#sh.in_progress", "#sh.act");
    }

    @Test
    void shouldKeepAnAttemptDaysOrWeeksAgoInThePresent() {
        assertThat(features("Two weeks ago I tried to kill myself. I'm home now."))
                .contains("#sh.attempt")
                .doesNotContain("#sh.attempt|past");
        assertThat(features("Six years ago I tried to kill myself. I'm a nurse now."))
                .contains("#sh.attempt|past");
    }

    @Test
    void shouldReadMethodSeekingInTheSecondPersonAsTheAuthors() {
        assertThat(features("how do you hide cuts from your parents?")).contains("#sh.instructions");
        assertThat(features("my sister asked me how she could hide cuts from mum"))
                .contains("#sh.instructions|other")
                .doesNotContain("#sh.instructions");
    }

    @Test
    void shouldNotTakeAnInsultTheAuthorAimsAtThemselvesForHarassment() {
        assertThat(features("I'm such an idiot, I left my keys at home again"))
                .contains("#hm.harassment|mit")
                .doesNotContain("#hm.harassment");
        assertThat(features("you're such an idiot, nobody asked")).contains("#hm.harassment");
    }

    @Test
    void shouldMitigateAScamThatThePostWarnsAbout() {
        assertThat(
                        features(
                                "That loan text asking for a processing fee is fake. Real lenders never ask for money up front."))
                .contains("#hm.scam|mit", "#hm.warning")
                .doesNotContain("#hm.scam");
        assertThat(features("Loan approved today, just pay the processing fee first"))
                .contains("#hm.scam");
    }

    @Test
    void shouldKeepTheAuthorsOwnAskActiveInAPostDressedAsAWarning() {
        assertThat(features("therapy is a scam, dm me for my 30 day cure, only $49 by gift card"))
                .contains("#hm.warning", "#hm.scam");
        // someone else's words, reported in a warning, stay mitigated
        assertThat(features(
                        "beware: a fake therapist account said dm me for a free session, then asked for a gift card"))
                .contains("#hm.scam|mit")
                .doesNotContain("#hm.scam");
    }

    @Test
    void shouldMitigateMockThreatsOverAGameButNotAScamOrHate() {
        assertThat(features("rematch tonight, I'm going to destroy you at chess"))
                .contains("#hm.threat|mit", "#hm.play")
                .doesNotContain("#hm.threat");
        assertThat(features("I'm going to destroy you when you get home tonight"))
                .contains("#hm.threat");
        // play is context for threats and insults only: a scam dressed as a game is still a scam
        assertThat(features("gg everyone, winners just pay the processing fee to claim the prize"))
                .contains("#hm.scam", "#hm.play");
    }

    @Test
    void shouldReadSurvivalOddsHiddenSpotsAndRestrictionDaresAsInstructions() {
        assertThat(features("what are the odds of surviving a fall from the 9th floor"))
                .contains("#sh.instructions");
        assertThat(features("best place to cut where my uniform covers it?")).contains("#sh.instructions");
        assertThat(features("3 days water only, who's in? post when you cave")).contains("#sh.instructions");
        assertThat(features("text me and i'll talk you out of eating dinner")).contains("#sh.instructions");
        assertThat(features("got stitches last night, told the nurse it was the cat"))
                .contains("#sh.instructions");
        // the same words about cake, hedges and a broken vase
        assertThat(features("best place to cut the cake so everyone gets icing?"))
                .doesNotContain("#sh.instructions");
        assertThat(features("what are the chances of surviving a night out with my uni mates"))
                .doesNotContain("#sh.instructions");
        assertThat(features("hospital fasting rule: 6 hours no food before the op, water until 2 hours before"))
                .doesNotContain("#sh.instructions");
    }

    @Test
    void shouldReadALigatureInPlaceAsUnderWayWhateverTheApostrophe() {
        assertThat(features("the cable's already round my neck")).contains("#sh.in_progress");
        assertThat(features("belt is around my neck now")).contains("#sh.in_progress");
        assertThat(features("the cord was round my neck when i was born, mum says"))
                .doesNotContain("#sh.in_progress");
    }

    @Test
    void shouldReadHavingEnoughPutAsideAsMeansButNotHavingHadEnough() {
        assertThat(features("i've got enough now. not saying when")).contains("#sh.means_access");
        assertThat(features("when i have enough saved im doing it")).contains("#sh.means_access");
        assertThat(features("I have more than enough in the cabinet")).contains("#sh.means_access");
        // "had enough" of a meal, of a job, or of faith: no means, so no IMMINENT with "tonight"
        assertThat(features("had ice cream tonight, stopped when I'd had enough"))
                .doesNotContain("#sh.means_access");
        assertThat(features("my pastor said I'd be healed if I had enough faith"))
                .doesNotContain("#sh.means_access");
    }

    @Test
    void shouldReadTextSpeakForOnMyWay() {
        assertThat(features("omw 2 the bridge. i'm sorry for everything")).contains("#sh.act_signs");
        // alone, the way to a place is everyday: a feature for the models, not evidence
        assertThat(features("omw to the river for the duck race!!"))
                .contains("#sh.act_signs|mit")
                .doesNotContain("#sh.act_signs");
    }

    @Test
    void shouldReadAnInjuryToldAsAnAccidentAsFirstAidWhereverTheSeverityIsTold() {
        // the accident in one sentence, the stitches in the next: mitigation per sentence missed it
        assertThat(features("Saw slipped while I was trimming the fence post. Five stitches in my thumb."))
                .contains("#sh.self_injury_severe|mit")
                .doesNotContain("#sh.self_injury_severe");
        assertThat(features("Caught my palm on a tin of beans. It's gaping, do I need it glued?"))
                .doesNotContain("#sh.self_injury_severe");
        // a cover story is how self-injury is hidden: the same words stay evidence
        assertThat(features("Five stitches last night. I told my dad the saw slipped."))
                .contains("#sh.self_injury_severe");
        assertThat(features("burned my arm on the oven door on purpose. it's blistering"))
                .contains("#sh.self_injury_severe");
    }

    @Test
    void shouldNotLetAStoryFrameThePostDropsMitigateItsCues() {
        // round 24: the frame is how the author could ask at all
        String poem = "writing a poem where i kill myself tonight with the pills i saved";
        assertThat(activeCues(poem)).doesNotContain("intent", "timeline");
        assertThat(activeCues(poem + ". the poem is about me")).contains("intent", "timeline", "means");
        assertThat(activeCues(
                        "for my novel, what would my character use to end it tonight? it's not for a novel. it's me."))
                .contains("timeline");
        // the models see the hits as they always have: as mitigated, and no feature for the unmasking
        assertThat(extractor
                        .extract(poem + ". the poem is about me", null, EnumSet.noneOf(Stage.class))
                        .document())
                .contains("#sh.intent|mit", "#sh.timeline|mit")
                .noneMatch(f -> f.startsWith("#sh.unmasked"))
                .doesNotContain("#sh.intent", "#sh.risk.high");
        // a frame kept is still a frame, and an unmasking in a post without one changes nothing
        assertThat(activeCues("for my novel, what would my character use to end it tonight?"))
                .doesNotContain("timeline");
        assertThat(activeCues("asking for a friend: how many biscuits is too many. the friend is me"))
                .containsOnly("unmasked");
    }

    /** The self-harm cues that count as the author's own for the rules. */
    private static List<String> activeCues(String text) {
        return extractor.extract(text, null, EnumSet.noneOf(Stage.class)).cues().stream()
                .filter(h -> h.active()
                        && h.rule().category() == Category.SELF_HARM
                        && h.rule().kind() != CueRule.Kind.MITIGATE)
                .map(h -> h.rule().cue())
                .toList();
    }

    @Test
    void shouldReadAnAttemptDatedYearsBackAsARecoveryStoryUnlessSomethingIsRecent() {
        assertThat(features("My attempt was in 2011. These days I coach the under-12s on Saturdays."))
                .contains("#sh.attempt|mit")
                .doesNotContain("#sh.attempt");
        assertThat(features("Since my overdose I have kept a diary. I'm 41 now and it runs to nine volumes."))
                .doesNotContain("#sh.attempt");
        // something recent keeps it present: a second attempt, a relapse, last night
        assertThat(features("My first attempt was in 2016. I attempted again last night."))
                .contains("#sh.attempt");
        assertThat(features("My attempt was in 2019. I'm planning the second one for this spring."))
                .contains("#sh.attempt");
        // "in 20 minutes" is not a year
        assertThat(features("My last attempt nearly worked. In 20 minutes I'm trying one more time."))
                .contains("#sh.attempt");
    }

    @Test
    void shouldDateOnlyATimeThatIsOverNotTimeSpentSomewhere() {
        assertThat(features("Two years on, the scars from my attempt have faded and I coach netball."))
                .contains("#sh.attempt|mit");
        assertThat(features("Since last summer I haven't cut once.")).anyMatch(f -> f.startsWith("#sh.dated_past"));
        // round 19: time spent on a forum, a job or a patrol is no date; "last year's" no story
        assertThat(features("My attempt is this weekend. Thank you for five years on this forum."))
                .contains("#sh.attempt")
                .noneMatch(f -> f.startsWith("#sh.dated_past"));
        assertThat(features("twelve years on the tools, I know what the mains would do"))
                .noneMatch(f -> f.startsWith("#sh.dated_past"));
        assertThat(features("my kid found last year's hiding spot for the presents"))
                .noneMatch(f -> f.startsWith("#sh.dated_past"));
    }

    @Test
    void shouldFindPlainWordsForAnEnding() {
        assertThat(features("husband's away. i'm going to walk into the sea tonight"))
                .contains("#sh.intent", "#sh.timeline");
        assertThat(features("which tablets over the counter would make me sleep permanently"))
                .contains("#sh.lethality_question");
        assertThat(features("we walked into the sea at sunset, freezing!!")).doesNotContain("#sh.intent");
        // the same intent said in the present or with "will"
        assertThat(features("gave the dog to my sister. tonight i walk into the sea, the note is on the table"))
                .contains("#sh.intent");
        assertThat(features("i'll walk into the river after they're asleep")).contains("#sh.intent");
        assertThat(features("tomorrow we walk into the sea for the new year's dip, who's in"))
                .doesNotContain("#sh.intent");
        assertThat(features("i'll swim out to the buoy and back, then breakfast"))
                .doesNotContain("#sh.intent");
    }

    @Test
    void shouldRejectAPatternThatStartsWithAGap() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CueCatalogue.parse("SELF_HARM x LOW : ~2 die"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
