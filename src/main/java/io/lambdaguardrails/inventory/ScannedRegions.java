package io.lambdaguardrails.inventory;

import io.lambdaguardrails.aws.AccountClients;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.util.List;

/**
 * The regions a scan reads in one account: those asked for; {@code all}: those enabled in the account (when they
 * cannot be listed, the home region); none asked for: the home region.
 */
final class ScannedRegions {

    static final List<String> ALL = List.of("all");

    private final Region home;

    ScannedRegions(Region home) {
        this.home = home;
    }

    List<String> resolve(List<String> requested, AccountClients clients, ApiCaller calls) {
        if (requested.isEmpty()) {
            return List.of(home.id());
        }
        if (!requested.equals(ALL)) {
            return requested;
        }
        Ec2Client ec2 = clients.client(Ec2Client.class, Ec2Client::builder, home);
        var enabled = calls.call("scan", "ec2:DescribeRegions",
                () -> ec2.describeRegions().regions());
        return enabled.succeeded()
                ? enabled.value().stream().map(software.amazon.awssdk.services.ec2.model.Region::regionName).sorted().toList()
                : List.of(home.id());
    }
}
