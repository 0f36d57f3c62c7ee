package io.lambdaguardrails.risk;

/**
 * What part of an attack path an ingredient is. A path has at most one exposure and one blast radius (the strongest
 * found); the other aspects each add their own weight.
 */
public enum Aspect {
    EXPOSURE, BLAST_RADIUS, SECRET, NETWORK, RUNTIME, CODE_INTEGRITY
}
