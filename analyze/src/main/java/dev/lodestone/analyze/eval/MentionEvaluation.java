package dev.lodestone.analyze.eval;

import dev.lodestone.analyze.relevance.DealRelevance;
import dev.lodestone.analyze.tag.MentionTagger;
import dev.lodestone.analyze.watchlist.WatchlistLoader;
import dev.lodestone.core.Mention;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Measures the tagger and the deal relevance against a labelled set, the way the issue states its targets:
 * micro precision and recall over (text, entity) pairs, and precision, recall and F1 of {@code about}.
 *
 * <p>Micro averaging counts every pair once, so a common entity (Pakistan) weighs as much as it occurs, and
 * an entity named five times in one text is still one pair: the question is whether the tagger finds that the
 * text mentions it, not how often. Every miss and false alarm is listed by text id, because a number alone
 * does not tell a developer which alias or exclusion to fix.
 *
 * <p>Pure: it takes the set, a tagger and a relevance and returns values; only {@link #main} prints.
 */
public final class MentionEvaluation {
    /** Targets from the issue: entity precision and recall, and F1 of {@code about}. */
    public static final double TARGET_ENTITY_PRECISION = 0.97;
    public static final double TARGET_ENTITY_RECALL = 0.95;
    public static final double TARGET_ABOUT_F1 = 0.92;

    private MentionEvaluation() {}

    /** An entity of a text: one the tagger missed, or one it reported although the text does not mention it. */
    public record EntityError(String textId, String entity) {}

    /** What the relevance decided for one text, beside the label. */
    public record Verdict(String textId, double relevance, boolean about, boolean labelledAbout) {}

    /**
     * @param entities    counts over (text, entity) pairs
     * @param about       counts over texts of the {@code about} decision
     * @param missed      pairs labelled but not found, in set order
     * @param falseAlarms pairs found but not labelled, in set order
     * @param verdicts    the relevance of every text, in set order, for calibration and inspection
     */
    public record Result(Tally entities, Tally about, List<EntityError> missed, List<EntityError> falseAlarms,
                         List<Verdict> verdicts) {
        public Result {
            missed = List.copyOf(missed);
            falseAlarms = List.copyOf(falseAlarms);
            verdicts = List.copyOf(verdicts);
        }

        public boolean meetsTargets() {
            return entities.precision() >= TARGET_ENTITY_PRECISION && entities.recall() >= TARGET_ENTITY_RECALL
                    && about.f1() >= TARGET_ABOUT_F1;
        }
    }

    /** Tags each text's title and body as the analyze service does, and compares with the labels. */
    public static Result run(List<LabelledText> set, MentionTagger tagger, DealRelevance relevance) {
        int entityTp = 0;
        int entityFp = 0;
        int entityFn = 0;
        int aboutTp = 0;
        int aboutFp = 0;
        int aboutFn = 0;
        List<EntityError> missed = new ArrayList<>();
        List<EntityError> falseAlarms = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        for (LabelledText text : set) {
            List<Mention> mentions = new ArrayList<>(tagger.tag(text.title(), Mention.TITLE));
            mentions.addAll(tagger.tag(text.text(), Mention.BODY));
            Set<String> found = new TreeSet<>();
            mentions.forEach(m -> found.add(m.entity()));
            for (String entity : new TreeSet<>(text.entities())) {
                if (found.contains(entity)) {
                    entityTp++;
                } else {
                    entityFn++;
                    missed.add(new EntityError(text.id(), entity));
                }
            }
            for (String entity : found) {
                if (!text.entities().contains(entity)) {
                    entityFp++;
                    falseAlarms.add(new EntityError(text.id(), entity));
                }
            }
            DealRelevance.Score score = relevance.score(mentions);
            verdicts.add(new Verdict(text.id(), score.relevance(), score.about(), text.about()));
            if (score.about() && text.about()) {
                aboutTp++;
            } else if (score.about()) {
                aboutFp++;
            } else if (text.about()) {
                aboutFn++;
            }
        }
        return new Result(new Tally(entityTp, entityFp, entityFn), new Tally(aboutTp, aboutFp, aboutFn),
                missed, falseAlarms, verdicts);
    }

    /**
     * Prints the measures for the bundled watch-list and tagger on the bundled set, or on the JSON Lines file
     * given as the only argument, with every miss and false alarm and the threshold the set itself would choose.
     */
    public static void main(String[] args) {
        List<LabelledText> set = args.length > 0 ? EvaluationSet.load(Path.of(args[0])) : EvaluationSet.bundled();
        String name = args.length > 0 ? args[0] : EvaluationSet.BUNDLED;
        var watchlist = WatchlistLoader.bundled();
        DealRelevance relevance = new DealRelevance(watchlist);
        Result result = run(set, new MentionTagger(watchlist), relevance);
        long aboutTexts = set.stream().filter(LabelledText::about).count();
        ThresholdCalibration.Calibrated best = ThresholdCalibration.calibrate(result.verdicts());

        System.out.printf("Evaluation set %s: %d texts, %d about the story%n%n", name, set.size(), aboutTexts);
        System.out.printf("%-10s %9s %7s %6s   %s%n", "", "precision", "recall", "F1", "target");
        System.out.printf("%-10s %9.3f %7.3f %6.3f   precision >= %.2f, recall >= %.2f%n", "entities",
                result.entities().precision(), result.entities().recall(), result.entities().f1(),
                TARGET_ENTITY_PRECISION, TARGET_ENTITY_RECALL);
        System.out.printf("%-10s %9.3f %7.3f %6.3f   F1 >= %.2f%n%n", "about",
                result.about().precision(), result.about().recall(), result.about().f1(), TARGET_ABOUT_F1);
        System.out.printf("targets met: %s%n", result.meetsTargets() ? "yes" : "no");
        System.out.printf("about threshold in use %.2f; best on this set %.2f (F1 %.3f)%n%n",
                relevance.threshold(), best.threshold(), best.about().f1());
        System.out.printf("%-9s %6s %6s%n", "relevance", "about", "not");
        result.verdicts().stream().collect(Collectors.groupingBy(Verdict::relevance, TreeMap::new,
                Collectors.partitioningBy(Verdict::labelledAbout, Collectors.counting())))
                .forEach((score, byLabel) -> System.out.printf("%9.2f %6d %6d%n", score,
                        byLabel.get(true), byLabel.get(false)));
        System.out.println();
        print("Missed entities", result.missed().stream().map(e -> e.textId() + "  " + e.entity()).toList());
        print("False alarms", result.falseAlarms().stream().map(e -> e.textId() + "  " + e.entity()).toList());
        print("About, missed", result.verdicts().stream().filter(v -> v.labelledAbout() && !v.about())
                .sorted(Comparator.comparingDouble(Verdict::relevance))
                .map(v -> String.format("%s  %.2f", v.textId(), v.relevance())).toList());
        print("About, false alarms", result.verdicts().stream().filter(v -> !v.labelledAbout() && v.about())
                .sorted(Comparator.comparingDouble(Verdict::relevance).reversed())
                .map(v -> String.format("%s  %.2f", v.textId(), v.relevance())).toList());
    }

    private static void print(String heading, List<String> lines) {
        System.out.printf("%s (%d)%n", heading, lines.size());
        lines.forEach(line -> System.out.println("  " + line));
        System.out.println();
    }
}
