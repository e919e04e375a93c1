-- Story 2.2: consent per venue + consumer phone (E.164). Opting out of one venue leaves the others.
CREATE TABLE SmsConsent (
    ID               INT IDENTITY(1,1) NOT NULL,
    VenueID          INT               NOT NULL,
    PhoneNumber      VARCHAR(20)       NOT NULL,
    StatusID         INT               NOT NULL,
    ConsentSourceID  INT               NULL,
    InitialConsentAt DATETIME2         NULL,
    OptedOutAt       DATETIME2         NULL,
    OptedInAt        DATETIME2         NULL,
    CreatedAt        DATETIME2         NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UpdatedAt        DATETIME2         NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT PK_SmsConsent PRIMARY KEY (ID),
    CONSTRAINT UQ_SmsConsent_VenuePhone UNIQUE (VenueID, PhoneNumber),
    CONSTRAINT FK_SmsConsent_SmsConsentStatuses FOREIGN KEY (StatusID) REFERENCES SmsConsentStatuses (ID),
    CONSTRAINT FK_SmsConsent_ConsentSources FOREIGN KEY (ConsentSourceID) REFERENCES ConsentSources (ID)
);

CREATE INDEX IX_SmsConsent_VenueID ON SmsConsent (VenueID);
CREATE INDEX IX_SmsConsent_PhoneNumber ON SmsConsent (PhoneNumber);
