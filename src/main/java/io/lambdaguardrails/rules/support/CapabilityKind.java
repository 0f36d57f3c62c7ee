package io.lambdaguardrails.rules.support;

/** What an execution role's capability means for the account. */
public enum CapabilityKind {
    /** Every action on every resource (probed across services and resource types). */
    ADMINISTRATOR,
    /** An action that lets the role raise its own privileges, on the resources named. */
    PRIVILEGE_ESCALATION,
    /** Reading or writing data in a data service (S3, DynamoDB, Secrets Manager, KMS, SQS, SNS, SSM, Kinesis). */
    DATA_ACCESS
}
