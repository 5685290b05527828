package io.gatehouse.bench;

/**
 * Reads figures out of the hub's Prometheus text ({@code /metrics}): the sum of a metric over every label set that
 * contains a given fragment, enough for the totals and means the benchmarks print.
 */
public record Metrics(String text) {

    /** The sum of {@code name} over the lines whose labels contain {@code labelFragment} ("" for all). */
    public double sum(String name, String labelFragment) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name) && (line.charAt(name.length()) == '{' || line.charAt(name.length()) == ' ')
                    && line.contains(labelFragment)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    /** The mean of a timer in milliseconds: {@code NAME_seconds_sum / NAME_seconds_count}. */
    public double meanMillis(String timer, String labelFragment) {
        double count = sum(timer + "_seconds_count", labelFragment);
        return count == 0 ? Double.NaN : 1000 * sum(timer + "_seconds_sum", labelFragment) / count;
    }
}
