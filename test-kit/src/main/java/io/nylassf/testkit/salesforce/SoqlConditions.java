package io.nylassf.testkit.salesforce;

import io.nylassf.testkit.salesforce.SoqlQuery.Condition;
import io.nylassf.testkit.salesforce.SoqlQuery.Path;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The WHERE predicates as {@link Condition}s evaluated per row: comparisons, IN lists and LIKE patterns, with
 * Salesforce's matching (case-insensitive text, nulls never in range).
 */
final class SoqlConditions {
    private SoqlConditions() {}

    static Condition or(Condition a, Condition b) {
        return (r, o) -> a.test(r, o) || b.test(r, o);
    }

    static Condition and(Condition a, Condition b) {
        return (r, o) -> a.test(r, o) && b.test(r, o);
    }

    static Condition not(Condition c) {
        return (r, o) -> !c.test(r, o);
    }

    static Condition comparison(Path p, String op, Object literal) {
        return switch (op) {
            case "=" -> (r, o) -> SoqlEvaluator.compareEq(p.value(r, o), literal);
            case "!=" -> (r, o) -> !SoqlEvaluator.compareEq(p.value(r, o), literal);
            case "<" -> (r, o) -> { Integer c = SoqlEvaluator.compareRange(p.value(r, o), literal); return c != null && c < 0; };
            case ">" -> (r, o) -> { Integer c = SoqlEvaluator.compareRange(p.value(r, o), literal); return c != null && c > 0; };
            case "<=" -> (r, o) -> { Integer c = SoqlEvaluator.compareRange(p.value(r, o), literal); return c != null && c <= 0; };
            case ">=" -> (r, o) -> { Integer c = SoqlEvaluator.compareRange(p.value(r, o), literal); return c != null && c >= 0; };
            default -> throw new IllegalStateException(op);
        };
    }

    static Condition in(Path p, List<Object> values) {
        if (values.stream().allMatch(x -> x instanceof String)) {
            // what an index gives Salesforce: one lookup per row, same case-insensitive match as compareEq
            TreeSet<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            values.forEach(x -> set.add((String) x));
            return (r, o) -> {
                Object v = p.value(r, o);
                return v != null && set.contains(String.valueOf(v));
            };
        }
        return (r, o) -> {
            Object v = p.value(r, o);
            for (Object x : values) {
                if (SoqlEvaluator.compareEq(v, x)) {
                    return true;
                }
            }
            return false;
        };
    }

    static Condition like(Path p, String like) {
        Pattern regex = likePattern(like);
        return (r, o) -> {
            Object v = p.value(r, o);
            return v != null && regex.matcher(String.valueOf(v)).matches();
        };
    }

    /** {@code %} any run, {@code _} one char, {@code \%} / {@code \_} literal; case-insensitive like Salesforce. */
    private static Pattern likePattern(String like) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                re.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }
}
