/**
 * The immutable inventory of one scan: plain records, serialisable as JSON, free of AWS SDK types.
 * Rules read only these. A {@code null} scalar means "not collected" (see the coverage entries);
 * collections are never null, an empty one means "collected, none".
 */
package io.lambdaguardrails.inventory.snapshot;
