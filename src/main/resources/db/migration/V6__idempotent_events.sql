-- The idempotent consumer's keys (Camel's JdbcMessageIdRepository layout, created here rather than
-- by Camel so SQL Server gets DATETIME2 and the schema has a single owner). Key = message type +
-- order id, so a redelivered or republished event never sends a second SMS, across restarts and
-- instances.
CREATE TABLE CAMEL_MESSAGEPROCESSED (
    processorName VARCHAR(255) NOT NULL,
    messageId     VARCHAR(100) NOT NULL,
    createdAt     DATETIME2    NOT NULL,
    CONSTRAINT PK_CAMEL_MESSAGEPROCESSED PRIMARY KEY (processorName, messageId)
);
