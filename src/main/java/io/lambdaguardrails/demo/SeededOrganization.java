package io.lambdaguardrails.demo;

import io.lambdaguardrails.aws.ClientFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.util.Map;

/**
 * An AWS Organization being seeded through the AWS APIs: the management account (the caller), member accounts in
 * OUs, account tags and SCPs. Members are entered through their {@code OrganizationAccountAccessRole}, as the
 * scanner itself does.
 */
public final class SeededOrganization implements AutoCloseable {

    /** The static credentials an emulator accepts for its default (management) account. */
    public static final AwsCredentialsProvider EMULATOR_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private final ClientFactory clients;
    private final OrganizationsClient organizations;
    private final String rootId;
    private final String managementAccountId;

    private SeededOrganization(ClientFactory clients, OrganizationsClient organizations, String rootId,
                               String managementAccountId) {
        this.clients = clients;
        this.organizations = organizations;
        this.rootId = rootId;
        this.managementAccountId = managementAccountId;
    }

    public static SeededOrganization create(ClientFactory clients) {
        OrganizationsClient organizations = clients.client(OrganizationsClient::builder, ClientFactory.GLOBAL, EMULATOR_CREDENTIALS);
        var org = organizations.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL)).organization();
        String root = organizations.listRoots().roots().getFirst().id();
        return new SeededOrganization(clients, organizations, root, org.masterAccountId());
    }

    public String rootId() {
        return rootId;
    }

    public SeededAccount management() {
        return new SeededAccount(managementAccountId, clients, EMULATOR_CREDENTIALS);
    }

    public String organizationalUnit(String parentId, String name) {
        return organizations.createOrganizationalUnit(r -> r.parentId(parentId).name(name)).organizationalUnit().id();
    }

    /** A new member account placed in {@code parentId} (the root or an OU), with Organizations tags. */
    public SeededAccount account(String name, String parentId, Map<String, String> tags) {
        String requestId = organizations.createAccount(r -> r.accountName(name).email(name + "@example.com"))
                .createAccountStatus().id();
        String accountId = organizations.describeCreateAccountStatus(r -> r.createAccountRequestId(requestId))
                .createAccountStatus().accountId();
        if (!parentId.equals(rootId)) {
            organizations.moveAccount(r -> r.accountId(accountId).sourceParentId(rootId).destinationParentId(parentId));
        }
        if (!tags.isEmpty()) {
            organizations.tagResource(r -> r.resourceId(accountId).tags(tags.entrySet().stream()
                    .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()));
        }
        return member(accountId);
    }

    /** An existing member, entered through its OrganizationAccountAccessRole. */
    public SeededAccount member(String accountId) {
        try (StsClient sts = clients.client(StsClient::builder, ClientFactory.GLOBAL, EMULATOR_CREDENTIALS)) {
            Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + accountId + ":role/OrganizationAccountAccessRole")
                    .roleSessionName("seed")).credentials();
            return new SeededAccount(accountId, clients, StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())));
        }
    }

    /** Creates an SCP and attaches it to the target (root, OU or account). */
    public String serviceControlPolicy(String name, String document, String targetId) {
        String id = organizations.createPolicy(r -> r.name(name).description(name).content(document)
                .type(PolicyType.SERVICE_CONTROL_POLICY)).policy().policySummary().id();
        organizations.attachPolicy(r -> r.policyId(id).targetId(targetId));
        return id;
    }

    @Override
    public void close() {
        organizations.close();
    }
}
