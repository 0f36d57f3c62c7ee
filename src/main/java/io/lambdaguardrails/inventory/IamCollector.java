package io.lambdaguardrails.inventory;

import io.lambdaguardrails.inventory.snapshot.IamInventory;
import io.lambdaguardrails.inventory.snapshot.IamRole;
import io.lambdaguardrails.inventory.snapshot.ManagedPolicy;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.Tag;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The account's execution roles, read with one paginated GetAccountAuthorizationDetails (roles and customer-managed
 * policies only — the AWS-managed set is large and the same everywhere, so attached AWS policies come from a
 * run-wide cache). Only roles used by a scanned function are kept.
 */
public final class IamCollector {

    static final String NAME = "iam";

    private final IamClient iam;
    private final ApiCaller calls;
    private final AwsManagedPolicies awsManaged;

    public IamCollector(IamClient iam, ApiCaller calls, AwsManagedPolicies awsManaged) {
        this.iam = iam;
        this.calls = calls;
        this.awsManaged = awsManaged;
    }

    /** The account's roles and customer-managed policies as IAM lists them: one read, before the roles are known. */
    public record Details(List<RoleDetail> roles, Map<String, ManagedPolicyDetail> localPolicies) {
    }

    /** Null when the account's IAM could not be read. */
    public Details read() {
        var details = calls.call(NAME, "iam:GetAccountAuthorizationDetails",
                () -> iam.getAccountAuthorizationDetailsPaginator(r -> r.filter(EntityType.ROLE, EntityType.LOCAL_MANAGED_POLICY))
                        .stream().toList());
        if (!details.succeeded()) {
            return null;
        }
        List<RoleDetail> roleDetails = new ArrayList<>();
        Map<String, ManagedPolicyDetail> localPolicies = new LinkedHashMap<>();
        for (GetAccountAuthorizationDetailsResponse page : details.value()) {
            roleDetails.addAll(page.roleDetailList());
            page.policies().forEach(p -> localPolicies.put(p.arn(), p));
        }
        return new Details(roleDetails, localPolicies);
    }

    /** The execution roles among the details, with the managed policies they reference. */
    public IamInventory select(Details details, Set<String> executionRoleArns) {
        List<IamRole> roles = details.roles().stream().filter(r -> executionRoleArns.contains(r.arn())).map(IamCollector::role).toList();

        Set<String> referenced = new LinkedHashSet<>();
        roles.forEach(r -> {
            referenced.addAll(r.attachedPolicyArns());
            if (r.permissionsBoundaryArn() != null) {
                referenced.add(r.permissionsBoundaryArn());
            }
        });
        List<ManagedPolicy> policies = new ArrayList<>();
        for (String arn : referenced) {
            ManagedPolicyDetail local = details.localPolicies().get(arn);
            if (local != null) {
                defaultDocument(local).ifPresent(doc -> policies.add(new ManagedPolicy(arn, local.policyName(), false, doc)));
            } else if (AwsManagedPolicies.isAwsManaged(arn)) {
                awsManaged.get(arn, iam, calls).ifPresent(policies::add);
            }
        }
        return new IamInventory(roles, policies);
    }

    private static IamRole role(RoleDetail r) {
        Map<String, String> tags = new LinkedHashMap<>();
        r.tags().forEach((Tag t) -> tags.put(t.key(), t.value()));
        return new IamRole(r.arn(), r.roleName(), r.path(), r.createDate(), decode(r.assumeRolePolicyDocument()),
                r.rolePolicyList().stream().map(p -> new IamRole.InlinePolicy(p.policyName(), decode(p.policyDocument()))).toList(),
                r.attachedManagedPolicies().stream().map(p -> p.policyArn()).toList(),
                r.permissionsBoundary() == null ? null : r.permissionsBoundary().permissionsBoundaryArn(),
                r.roleLastUsed() == null ? null : r.roleLastUsed().lastUsedDate(),
                tags, null);
    }

    private static Optional<String> defaultDocument(ManagedPolicyDetail p) {
        return p.policyVersionList().stream().filter(v -> Boolean.TRUE.equals(v.isDefaultVersion()))
                .findFirst().map(v -> decode(v.document()));
    }

    /** IAM returns policy documents URL-encoded; some endpoints return raw JSON, which is left as it is. */
    static String decode(String document) {
        if (document == null || document.stripLeading().startsWith("{")) {
            return document;
        }
        return URLDecoder.decode(document, StandardCharsets.UTF_8);
    }
}
