/**
 * The immutable inventory of one scan: plain records, serialisable as JSON, free of AWS SDK types.
 * Rules read only these. Lists are never null: a record with parts that may not be readable carries
 * {@code notCollected}, a set of its own {@code Part} enum, and {@code collected(PART)} tells a rule whether an
 * empty list means "none" or "unknown". A {@code null} scalar means "not set" (or, where a record says so, unknown).
 */
package io.lambdaguardrails.inventory.snapshot;
