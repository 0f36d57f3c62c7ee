package io.lambdaguardrails.inventory.snapshot;

import java.util.List;

/** An SCP with its JSON document and the roots, OUs and accounts it is attached to. */
public record ServiceControlPolicy(String id, String arn, String name, String document, List<String> targetIds) {

    public ServiceControlPolicy {
        targetIds = List.copyOf(targetIds);
    }
}
