package dev.lodestone.search.alert.match;

/**
 * A rule that cannot be matched: its query does not parse, or a filter has a value the search would refuse.
 * The message names the rule and carries the parser's own words, including where the query went wrong, e.g.
 * {@code rule fwo-watch: Cannot parse 'FWO AND': Encountered "<EOF>" at line 1, column 7}.
 */
public class InvalidRuleException extends IllegalArgumentException {
    private final String ruleId;

    public InvalidRuleException(String ruleId, String problem, Throwable cause) {
        super("rule " + ruleId + ": " + problem, cause);
        this.ruleId = ruleId;
    }

    public String ruleId() {
        return ruleId;
    }
}
