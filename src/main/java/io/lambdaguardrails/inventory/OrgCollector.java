package io.lambdaguardrails.inventory;

import io.lambdaguardrails.inventory.snapshot.OrgAccount;
import io.lambdaguardrails.inventory.snapshot.OrgContext;
import io.lambdaguardrails.inventory.snapshot.ServiceControlPolicy;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.PolicyType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisation seen from the caller's (management or delegated-admin) account: accounts with their OU path and
 * tags, and the SCPs with their targets. Walking the OU tree costs one call per OU; everything else is paginated.
 */
public final class OrgCollector {

    public static final String NAME = "organizations";

    private final OrganizationsClient organizations;
    private final ApiCaller calls;

    public OrgCollector(OrganizationsClient organizations, ApiCaller calls) {
        this.organizations = organizations;
        this.calls = calls;
    }

    /** Null when the organisation cannot be read (not in one, or no permission); coverage says which. */
    public OrgContext collect() {
        var org = calls.call(NAME, "organizations:DescribeOrganization", () -> organizations.describeOrganization().organization());
        if (!org.succeeded()) {
            return null;
        }
        var roots = calls.call(NAME, "organizations:ListRoots", () -> organizations.listRootsPaginator(r -> { }).stream().flatMap(p -> p.roots().stream()).toList());
        var accounts = calls.call(NAME, "organizations:ListAccounts",
                () -> organizations.listAccountsPaginator(r -> { }).stream().flatMap(p -> p.accounts().stream()).toList());
        if (!roots.succeeded() || !accounts.succeeded() || roots.value().isEmpty()) {
            return null;
        }
        Map<String, List<String>> pathIds = new HashMap<>();
        Map<String, String> pathNames = new HashMap<>();
        walk(roots.value().getFirst().id(), pathIds, pathNames);

        List<OrgAccount> members = new ArrayList<>();
        for (Account a : accounts.value()) {
            var tags = calls.call(NAME, "organizations:ListTagsForResource",
                    () -> organizations.listTagsForResourcePaginator(r -> r.resourceId(a.id())).stream().flatMap(p -> p.tags().stream()).toList());
            Map<String, String> tagMap = new LinkedHashMap<>();
            if (tags.succeeded()) {
                tags.value().forEach(t -> tagMap.put(t.key(), t.value()));
            }
            String rootId = roots.value().getFirst().id();
            members.add(new OrgAccount(a.id(), a.name(), status(a),
                    pathIds.getOrDefault(a.id(), List.of(rootId, a.id())),
                    pathNames.getOrDefault(a.id(), "Root"), tagMap));
        }
        return new OrgContext(true, org.value().id(), org.value().masterAccountId(), members, scps(),
                analyzerAdministrators());
    }

    /**
     * Organizations is retiring an account's {@code Status} for {@code State}; read the newer field and fall back to
     * the older one, so accounts stay discovered whichever of the two a response carries.
     */
    static OrgAccount.Status status(Account account) {
        String state = account.stateAsString() != null ? account.stateAsString() : account.statusAsString();
        return state == null ? OrgAccount.Status.UNKNOWN : OrgAccount.Status.of(state);
    }

    /** Null when they could not be read: then an organisation analyzer may sit in an account nobody looks at. */
    private List<String> analyzerAdministrators() {
        var admins = calls.call(NAME, "organizations:ListDelegatedAdministrators",
                () -> organizations.listDelegatedAdministratorsPaginator(r -> r.servicePrincipal(OrgContext.ACCESS_ANALYZER_SERVICE))
                        .stream().flatMap(p -> p.delegatedAdministrators().stream()).map(a -> a.id()).toList());
        return admins.succeeded() ? admins.value() : null;
    }

    /** Breadth-first over the OU tree, recording for each account the targets above it and the OU names. */
    private void walk(String rootId, Map<String, List<String>> pathIds, Map<String, String> pathNames) {
        record Node(String id, List<String> ids, String names) {
        }
        Deque<Node> queue = new ArrayDeque<>();
        queue.add(new Node(rootId, List.of(rootId), "Root"));
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            var children = calls.call(NAME, "organizations:ListAccountsForParent",
                    () -> organizations.listAccountsForParentPaginator(r -> r.parentId(node.id())).stream().flatMap(p -> p.accounts().stream()).toList());
            if (children.succeeded()) {
                for (Account a : children.value()) {
                    List<String> ids = new ArrayList<>(node.ids());
                    ids.add(a.id());
                    pathIds.put(a.id(), List.copyOf(ids));
                    pathNames.put(a.id(), node.names());
                }
            }
            var ous = calls.call(NAME, "organizations:ListOrganizationalUnitsForParent",
                    () -> organizations.listOrganizationalUnitsForParentPaginator(r -> r.parentId(node.id()))
                            .stream().flatMap(p -> p.organizationalUnits().stream()).toList());
            if (ous.succeeded()) {
                for (var ou : ous.value()) {
                    List<String> ids = new ArrayList<>(node.ids());
                    ids.add(ou.id());
                    queue.add(new Node(ou.id(), List.copyOf(ids), node.names() + "/" + ou.name()));
                }
            }
        }
    }

    /** Null unless every SCP and its targets could be read: a partial set would hide the one that denies. */
    private List<ServiceControlPolicy> scps() {
        var listed = calls.call(NAME, "organizations:ListPolicies", () -> organizations.listPoliciesPaginator(
                r -> r.filter(PolicyType.SERVICE_CONTROL_POLICY)).stream().flatMap(p -> p.policies().stream()).toList());
        if (!listed.succeeded()) {
            return null;
        }
        List<ServiceControlPolicy> scps = new ArrayList<>();
        for (var summary : listed.value()) {
            var policy = calls.call(NAME, "organizations:DescribePolicy",
                    () -> organizations.describePolicy(r -> r.policyId(summary.id())).policy());
            var targets = calls.call(NAME, "organizations:ListTargetsForPolicy",
                    () -> organizations.listTargetsForPolicyPaginator(r -> r.policyId(summary.id())).stream().flatMap(p -> p.targets().stream()).toList());
            if (!policy.succeeded() || !targets.succeeded()) {
                return null;
            }
            scps.add(new ServiceControlPolicy(summary.id(), summary.arn(), summary.name(), policy.value().content(),
                    targets.value().stream().map(t -> t.targetId()).toList()));
        }
        return scps;
    }
}
