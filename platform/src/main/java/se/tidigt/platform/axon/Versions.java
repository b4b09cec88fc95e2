package se.tidigt.platform.axon;

import se.tidigt.platform.problem.ApiProblem;

/**
 * A resource's version is the number of events in its stream (1 after creation). Axon counts from
 * 0 (the last sequence number), so If-Match {@code "n"} expects aggregate version n - 1.
 */
public final class Versions {
    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public static Long expectedAggregateVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            long version = Long.parseLong(value);
            if (version < 1) {
                throw new NumberFormatException();
            }
            return version - 1;
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("If-Match", "must be a version such as \"3\"");
        }
    }
}
