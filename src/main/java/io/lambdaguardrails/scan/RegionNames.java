package io.lambdaguardrails.scan;

import software.amazon.awssdk.regions.Region;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The regions a request may name: those the AWS SDK knows, or {@code all}. A misspelt region would otherwise be
 * scanned as an empty region and the run would look clean.
 */
final class RegionNames {

    static final String ALL = "all";

    private RegionNames() {
    }

    static void validate(List<String> regions) {
        if (regions.contains(ALL) && regions.size() > 1) {
            throw new ScanException("--regions: 'all' already means every enabled region; give it alone, not with "
                    + regions.stream().filter(r -> !r.equals(ALL)).collect(Collectors.joining(",")));
        }
        Set<String> known = Region.regions().stream().filter(r -> !r.isGlobalRegion()).map(Region::id)
                .collect(Collectors.toSet());
        for (String region : regions) {
            if (!region.equals(ALL) && !known.contains(region)) {
                throw new ScanException("--regions: '" + region + "' is not an AWS region" + suggestion(region, known)
                        + "; write region codes such as us-east-1,eu-west-1, or 'all'");
            }
        }
    }

    /** The known regions of the same geography ({@code eu-…}), the likeliest intended ones. */
    private static String suggestion(String region, Set<String> known) {
        String geography = region.contains("-") ? region.substring(0, region.indexOf('-') + 1) : region;
        List<String> near = known.stream().filter(k -> k.startsWith(geography)).sorted().toList();
        return near.isEmpty() ? "" : " (known " + geography + "… regions: " + String.join(", ", near) + ")";
    }
}
