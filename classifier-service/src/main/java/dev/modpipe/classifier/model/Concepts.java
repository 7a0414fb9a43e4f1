package dev.modpipe.classifier.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Concepts of the veiled self-harm posts that their words alone do not carry: food, restriction,
 * hiding, the people who watch, weighing, contests. Unlike a {@link WordClasses} class, a word may
 * belong to several concepts and to a word class as well ({@code pizza} is both trivial and food).
 * A concept alone says little ("dinner"); the categorizers learn from which concepts a post puts
 * together ({@link PostFeatureGenerator}): food with hiding from a parent, skipping with a
 * leaderboard. Hand-written lists of normalised words, stems ending in {@code *}.
 */
final class Concepts {
    /** Stems are tried up to 12 characters ({@code collarbone*}, {@code counsellor*}). */
    private static final WordList<List<String>> LIST = new WordList<>(12, List.of());

    static {
        add(
                "food",
                "food foods meal* dinner* lunch* breakfast* brekkie brunch supper snack* eat eats eating ate"
                        + " eaten calorie* cals kcal carb* portion* plate plates bite bites pizza cake cakes"
                        + " cookie* chips crisps roast turkey banana sandwich* chocolate dessert* takeaway fries"
                        + " bread pasta rice cereal fruit salad leftovers buffet");
        add(
                "restrict",
                "skip skips skipped skipping restrict* fast fasts fasting fasted empty hunger hungry starv*"
                        + " purg* binge* cleanse thin thinner thinnest skinny skinnier smaller lighter bones bony"
                        + " collarbone* hipbone* underweight diet dieting lose losing");
        add(
                "conceal",
                "hide hides hiding hid hidden cover covers covered covering excuse* pretend* notice notices"
                        + " noticed noticing suspicious suspect* secret secrets lie lies lying fool foolproof sneak*"
                        + " discreet* disguise* guess guessing sleeves sleeve bracelet* makeup concealer caught"
                        + " unnoticed explain");
        add(
                "watcher",
                "mum mom mam mother dad father parents parent family nurse doctor doc gp clinic teacher"
                        + " teachers counsellor* counselor* therapist coach team stewards flatmate roommate bestie"
                        + " grandparents grandma nan aunt aunty auntie uncle tita staff");
        add("weigh", "weigh weighs weighed weighing weight weights scale scales bmi kg kgs lbs pounds stone size");
        add(
                "contest",
                "challenge* leaderboard* points comp competition accountability buddy streak* rule rules deal"
                        + " winner prize bet proof screenshot*");
    }

    private Concepts() {}

    private static void add(String concept, String words) {
        LIST.add(words, concepts -> {
            if (concepts.contains(concept)) {
                return concepts;
            }
            List<String> more = new ArrayList<>(concepts);
            more.add(concept);
            return List.copyOf(more);
        });
    }

    /** The concepts of a normalised token, none if it has none. */
    static List<String> of(String token) {
        return LIST.of(token);
    }
}
