package io.lambdaguardrails.cli;
public class Main {}
