/**
 * IAM policy analysis shared by every rule that reads a policy: Lambda resource policies, role trust policies,
 * identity policies and SCPs. {@link io.lambdaguardrails.policy.PolicyDocument#parse} reads a document through the
 * AWS SDK's policy reader (after normalising forms it rejects); the other types answer one question each —
 * which actions a statement covers, who its principals are, whether its conditions restrict it to us.
 * {@link io.lambdaguardrails.policy.AccessEvaluator} puts them together: given the policies that take part ({@link io.lambdaguardrails.policy.PolicySet}) and a request, it answers ALLOWED, DENIED or
 * DEPENDS_ON_CONTEXT (with the keys) and names the granting and denying statements. Nothing here knows about rules,
 * findings or the snapshot.
 */
package io.lambdaguardrails.policy;
