/**
 * IAM policy analysis shared by every rule that reads a policy: Lambda resource policies, role trust policies,
 * identity policies and SCPs. {@link io.lambdaguardrails.policy.PolicyDocument#parse} reads a document through the
 * AWS SDK's policy reader (after normalising forms it rejects); the other types answer one question each —
 * which actions a statement covers, who its principals are, whether its conditions restrict it to us, and whether a
 * Deny applies to a given request. Nothing here knows about rules, findings or the snapshot.
 */
package io.lambdaguardrails.policy;
