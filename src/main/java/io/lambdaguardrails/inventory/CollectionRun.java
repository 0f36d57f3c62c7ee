package io.lambdaguardrails.inventory;

import io.lambdaguardrails.aws.AccountClients;
import software.amazon.awssdk.regions.Region;

import java.util.Set;

/**
 * What the accounts of one run share while they are collected.
 *
 * @param home           the region scanned when none is asked for, and where enabled regions are listed
 * @param coverage       where every call's outcome is recorded
 * @param unsupported    the operations the endpoint has proven it does not implement
 * @param screen         what keeps secrets out of the snapshot
 * @param awsManaged     AWS-managed policy documents, read once for every account
 * @param plan           the optional reads the evaluated rules need
 * @param analyzerOwners the accounts that may own ORGANIZATION analyzers, read in every scanned region
 */
public record CollectionRun(Region home, CoverageLog coverage, UnsupportedApis unsupported, SecretScreen screen,
                            AwsManagedPolicies awsManaged, CollectionPlan plan, Set<String> analyzerOwners) {

    public CollectionRun {
        analyzerOwners = Set.copyOf(analyzerOwners);
    }

    /** The calls of one account in one region (or {@link io.lambdaguardrails.inventory.snapshot.Coverage#GLOBAL}). */
    ApiCaller calls(AccountClients account, String region) {
        return new ApiCaller(account, region, coverage, unsupported);
    }
}
