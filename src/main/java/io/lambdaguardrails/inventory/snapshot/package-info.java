/**
 * The immutable inventory of one scan: plain records, serialisable as JSON, free of AWS SDK types.
 * Rules read only these. Lists are never null: a record with parts that may not be readable carries
 * {@code notCollected}, a set of its own {@code Part} enum, and {@code collected(PART)} tells a rule whether an
 * empty list means "none" or "unknown". A {@code null} scalar means "not set" (or, where a record says so, unknown).
 * AWS's enumerated values (an analyzer's status, a code-signing policy, a URL's auth type) are enums, turned from AWS's
 * spelling at collection, with {@code UNKNOWN} for a value AWS adds later; where the JSON keeps AWS's spelling, so do
 * the enums (their {@code awsName}). A rule whose answer depends on such a value reads {@code UNKNOWN} as not proving
 * what must be proved (an ACTIVE flow log, an available endpoint) and never as the value that raises a finding by
 * itself (an active route to an internet gateway, an allow entry of a network ACL).
 */
package io.lambdaguardrails.inventory.snapshot;
