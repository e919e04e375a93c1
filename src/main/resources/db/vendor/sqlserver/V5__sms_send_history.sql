-- Story 2.3: one row per event outcome, for audit and compliance. Dialect-specific only because
-- SQL Server clusters it on CreatedAt DESC (time-range queries) with a non-clustered primary key.
-- Beyond the story's columns: MessageType (several message types share the table), EventKey (the
-- idempotency key, unique, so a retried write can never record an event twice), CorrelationID,
-- SegmentCount, ErrorMessage and UpdatedAt (delivery callbacks move the status on).
-- Message is NVARCHAR so UCS-2 texts (accents outside GSM-7, emoji) are kept as sent.
CREATE TABLE SmsSendHistory (
    ID                  BIGINT IDENTITY(1,1) NOT NULL,
    EventKey            VARCHAR(150)     NOT NULL,
    MessageType         VARCHAR(50)      NOT NULL,
    OrderID             UNIQUEIDENTIFIER NOT NULL,
    VenueID             INT              NULL,
    VenuePhoneNumberID  INT              NULL,
    CustomerID          UNIQUEIDENTIFIER NULL,
    CustomerPhoneNumber VARCHAR(20)      NULL,
    Message             NVARCHAR(500)    NULL,
    SegmentCount        INT              NULL,
    ProviderNameID      INT              NULL,
    StatusID            INT              NOT NULL,
    ProviderMessageID   VARCHAR(100)     NULL,
    ErrorCode           VARCHAR(50)      NULL,
    ErrorMessage        NVARCHAR(500)    NULL,
    CorrelationID       VARCHAR(100)     NULL,
    CreatedAt           DATETIME2        NOT NULL,
    UpdatedAt           DATETIME2        NOT NULL,
    CONSTRAINT PK_SmsSendHistory PRIMARY KEY NONCLUSTERED (ID),
    CONSTRAINT FK_SmsSendHistory_VenuePhoneNumbers FOREIGN KEY (VenuePhoneNumberID) REFERENCES VenuePhoneNumbers (ID),
    CONSTRAINT FK_SmsSendHistory_ProviderNames FOREIGN KEY (ProviderNameID) REFERENCES ProviderNames (ID),
    CONSTRAINT FK_SmsSendHistory_SmsSendHistoryStatuses FOREIGN KEY (StatusID) REFERENCES SmsSendHistoryStatuses (ID)
);

CREATE CLUSTERED INDEX IX_SmsSendHistory_CreatedAt ON SmsSendHistory (CreatedAt DESC);
CREATE UNIQUE INDEX UX_SmsSendHistory_EventKey ON SmsSendHistory (EventKey);
CREATE INDEX IX_SmsSendHistory_OrderID ON SmsSendHistory (OrderID);
CREATE INDEX IX_SmsSendHistory_VenueID_CreatedAt ON SmsSendHistory (VenueID, CreatedAt);
CREATE INDEX IX_SmsSendHistory_CustomerPhoneNumber_VenueID ON SmsSendHistory (CustomerPhoneNumber, VenueID);
CREATE INDEX IX_SmsSendHistory_ProviderMessageID ON SmsSendHistory (ProviderMessageID);
