package dev.modpipe.classifier.model;

/**
 * Word classes that let the categorizers generalise beyond the words of the corpus: a post that
 * pairs "you" with an insult the corpus never used still fires {@code 2p} + {@code insult}. Each
 * class is a hand-written list of normalised words (stems end in {@code *}).
 */
final class WordClasses {
    /** A word keeps the first class it is given; stems are tried up to 10 characters. */
    private static final WordList<String> LIST = new WordList<>(10, null);

    static {
        add("1p", "i me my myself mine im");
        add("2p", "you your yourself yours ya y'all yall");
        add(
                "3p",
                "he she they him her them his their himself herself themselves someone somebody friend friends"
                        + " sister brother son daughter mom mother dad father cousin kid kids child partner wife husband"
                        + " boyfriend girlfriend roommate coworker student teen people everyone");
        add("neg", "not never no nothing nobody none without nor n't");
        add(
                "death",
                "die dies died dying dead death suicide suicidal kill* overdose* unalive hang hanging drown*"
                        + " jump grave coffin funeral corpse lethal fatal deadly gone");
        add(
                "harm",
                "cut cuts cutting cutter blade* razor* scar* wound* bleed* blood burn* bruise* relapse* self harm"
                        + " injur* stitches hurt* punish* starv* purg*");
        add(
                "means",
                "pills pill meds medication* tablets rope noose gun guns rifle pistol knife knives bridge tracks"
                        + " ledge roof cliff bleach insulin poison stash stockpil* bottle overdose");
        add("want", "want* wish* need* urge* crave* tempt* hope* pray* desire*");
        add(
                "plan",
                "plan plans planned planning decided decision method* note letter goodbye bye farewell final last"
                        + " ready date");
        add("near", "tonight today now tomorrow soon midnight weekend");
        add(
                "tired",
                "tired exhausted done over enough pointless hopeless worthless empty numb burden alone trapped"
                        + " hopelessness despair miserable");
        add(
                "insult",
                "pathetic loser* worthless useless stupid idiot* moron* dumb ugly disgusting gross whore slut bitch"
                        + " freak* trash garbage failure crybaby fake clown spineless weak psycho nutjob retard* subhuman"
                        + " parasite* scum creep* coward* liar* incel* dumbass jackass asshole pussy bastard cringe delusional"
                        + " whiny attention pig cow rat rats vermin animals savages insufferable dumbest worst annoying cringe"
                        + " waste oxygen pathetic toddler braindead clueless joke mess defective snowflake* brat* feral"
                        + " cowards thieves drunks filthy broken vain spoiled mistake soulless");
        add(
                "violence",
                "kill stab* shoot* shot beat* murder* strangl* chok* bomb* punch* slap* attack* shank* rape*"
                        + " tortur* smash* hunt* gun knife weapon* fight*");
        add(
                "threatctx",
                "warned watch regret pay sorry outside building house address live school office tomorrow"
                        + " desks everyone next list shame accident news warning straw ground hospital lesson odds minutes"
                        + " away security prom car train route alone sleep");
        add(
                "group",
                "immigrants immigrant migrants refugees foreigners muslims jews christians gays gay lesbians trans"
                        + " transgender women females men males blacks whites asians mexicans arabs boomers elderly disabled"
                        + " autistic schizos homeless addicts those these kind race culture country travellers roma hindus aspies"
                        + " anorexics schizophrenics europeans africans religion followers crowd deaf blind crippled"
                        + " defectives community group nation tribe"
                        + " muslim jewish catholics protestants mormons hindu sikhs sikh buddhists atheists expats gypsies"
                        + " travelers latinos hispanics chinese japanese koreans indians pakistanis bangladeshis afghans"
                        + " iranians iraqis syrians turks kurds somalis nigerians ghanaians kenyans ethiopians eritreans"
                        + " poles romanians bulgarians albanians ukrainians russians serbians brazilians colombians"
                        + " venezuelans haitians filipinos vietnamese thais indonesians jamaicans scots americans canadians"
                        + " australians germans italians spaniards greeks westerners southerners northerners bisexuals"
                        + " queers nonbinary pensioners millennials zoomers teenagers cripples autistics bipolars"
                        + " alcoholics junkies");
        add(
                "dehuman",
                "animals animal vermin parasites subhuman disease cancer plague rats roaches cockroaches savages"
                        + " trash filth invaders criminals inferior degenerates leeches breed* infest* rotten mouths thieves"
                        + " savages filthy defective defectives feral tumor vain spoiled cowards drunks mistake soulless"
                        + " violent dirty evil genetic nature herd");
        add(
                "money",
                "$ money cash pay paid payment fee fees invest* crypto bitcoin btc wallet venmo cashapp paypal"
                        + " zelle wire transfer gift card cards dollars usd profit* earn* income loan grant refund deposit"
                        + " price prices free discount offer western union itunes upfront offering donation donations"
                        + " ticket cheaper cheap half kit starter bank transfer coin package sessions rates");
        add(
                "contact",
                "dm dms message inbox whatsapp telegram link click email text code password pin verify login"
                        + " account install app telegram whatsapp signal snapchat sign contact number call");
        add(
                "urgency",
                "guaranteed guarantee 100 limited now hurry act only secret miracle exclusive instantly"
                        + " quick fast");
        add(
                "condition",
                "depress* anxiety anxious adhd autis* bipolar schizo* ptsd ocd psychosis mental illness*"
                        + " disorder* eating anorexi* bulimi* addiction insomnia");
        add(
                "treatment",
                "med meds medication* antidepressant* ssri* lithium therap* psychiatr* doctor* prescri*"
                        + " treatment* pill pills cbt dbt counsel* zoloft prozac lexapro xanax benzo* adderall ritalin");
        add(
                "cure",
                "cure* cured heal* fix* revers* detox* natural* miracle* instead replace* ditch* quit* stop*"
                        + " toxic poison* scam* lie lies hoax fraud* pharma* big");
        add(
                "alt",
                "supplement* vitamin* herb* cbd oil oils juice* celery fasting cold shower* keto diet mushroom*"
                        + " kratom turmeric magnesium prayer pray* yoga sunlight grounding bleach crystals");
        add(
                "conspiracy",
                "they them government* fda cdc who elites hide* hidden suppress* cover* agenda control*"
                        + " plot* purpose truth wake sheep");
        add(
                "evidence",
                "study studies research evidence doctor prescriber psychiatrist myth debunk* false fact*"
                        + " misinformation source* science scientific trial* data");
        add(
                "support",
                "hugs hug proud care sorry here safe please reach crisis hotline helpline lifeline support"
                        + " listening listen matter love sending strength glad");
        add(
                "recovery",
                "recovery recovered recovering clean sober survived survivor better healing healed"
                        + " grateful thankful progress remission years ago used");
        add("humor", "lol lmao haha hahaha lmfao rofl jk kidding joking joke literally skull crying 😂 🤣 haha");
        add(
                "trivial",
                "exam exams finals homework test spreadsheet laundry cookie cookies pizza cake coffee game"
                        + " games team boss meeting traffic monday email inbox recipe kitchen cat dog broccoli burrito"
                        + " movie show episode song concert presentation interview gym workout");
        add("quote", "said says told texted wrote posted asked saying");
        add("question", "?");
    }

    private WordClasses() {}

    private static void add(String cls, String words) {
        LIST.add(words, previous -> previous != null ? previous : cls);
    }

    /** The class of a token, or {@code null}. */
    static String of(String token) {
        return LIST.of(token);
    }
}
