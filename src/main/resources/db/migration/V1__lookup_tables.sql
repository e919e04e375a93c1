-- Story 2.0: lookup tables for every status and reference value the SMS tables use.
-- Same shape for all five: int identity key, unique name, IsActive flag, CreatedAt.
-- Rows are inserted in a fixed order because the partial unique index on VenuePhoneNumbers
-- relies on 'active' being ID 1.

CREATE TABLE ProviderNames (
    ID        INT IDENTITY(1,1) NOT NULL,
    Name      VARCHAR(50)       NOT NULL,
    IsActive  BIT               NOT NULL DEFAULT 1,
    CreatedAt DATETIME2         NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT PK_ProviderNames PRIMARY KEY (ID),
    CONSTRAINT UQ_ProviderNames_Name UNIQUE (Name)
);

CREATE TABLE VenuePhoneNumberStatuses (
    ID        INT IDENTITY(1,1) NOT NULL,
    Name      VARCHAR(50)       NOT NULL,
    IsActive  BIT               NOT NULL DEFAULT 1,
    CreatedAt DATETIME2         NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT PK_VenuePhoneNumberStatuses PRIMARY KEY (ID),
    CONSTRAINT UQ_VenuePhoneNumberStatuses_Name UNIQUE (Name)
);

CREATE TABLE SmsConsentStatuses (
    ID        INT IDENTITY(1,1) NOT NULL,
    Name      VARCHAR(50)       NOT NULL,
    IsActive  BIT               NOT NULL DEFAULT 1,
    CreatedAt DATETIME2         NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT PK_SmsConsentStatuses PRIMARY KEY (ID),
    CONSTRAINT UQ_SmsConsentStatuses_Name UNIQUE (Name)
);

CREATE TABLE ConsentSources (
    ID        INT IDENTITY(1,1) NOT NULL,
    Name      VARCHAR(50)       NOT NULL,
    IsActive  BIT               NOT NULL DEFAULT 1,
    CreatedAt DATETIME2         NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT PK_ConsentSources PRIMARY KEY (ID),
    CONSTRAINT UQ_ConsentSources_Name UNIQUE (Name)
);

CREATE TABLE SmsSendHistoryStatuses (
    ID        INT IDENTITY(1,1) NOT NULL,
    Name      VARCHAR(30)       NOT NULL,
    IsActive  BIT               NOT NULL DEFAULT 1,
    CreatedAt DATETIME2         NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT PK_SmsSendHistoryStatuses PRIMARY KEY (ID),
    CONSTRAINT UQ_SmsSendHistoryStatuses_Name UNIQUE (Name)
);

INSERT INTO ProviderNames (Name) VALUES ('twilio');
INSERT INTO ProviderNames (Name) VALUES ('plivo');

INSERT INTO VenuePhoneNumberStatuses (Name) VALUES ('active');
INSERT INTO VenuePhoneNumberStatuses (Name) VALUES ('inactive');
INSERT INTO VenuePhoneNumberStatuses (Name) VALUES ('released');

INSERT INTO SmsConsentStatuses (Name) VALUES ('opted_in');
INSERT INTO SmsConsentStatuses (Name) VALUES ('opted_out');

-- checkout / account_settings: the consumer's own choice; sms_keyword: STOP/START texted to a venue
-- number; provider: the provider reported the recipient opted out (e.g. Twilio 21610).
INSERT INTO ConsentSources (Name) VALUES ('checkout');
INSERT INTO ConsentSources (Name) VALUES ('account_settings');
INSERT INTO ConsentSources (Name) VALUES ('sms_keyword');
INSERT INTO ConsentSources (Name) VALUES ('provider');

-- queued/sent/delivered/undelivered/failed follow the provider's lifecycle; the rest are
-- outcomes where no SMS left the service.
INSERT INTO SmsSendHistoryStatuses (Name) VALUES ('queued');
INSERT INTO SmsSendHistoryStatuses (Name) VALUES ('sent');
INSERT INTO SmsSendHistoryStatuses (Name) VALUES ('delivered');
INSERT INTO SmsSendHistoryStatuses (Name) VALUES ('undelivered');
INSERT INTO SmsSendHistoryStatuses (Name) VALUES ('failed');
INSERT INTO SmsSendHistoryStatuses (Name) VALUES ('skipped_order_invalid');
INSERT INTO SmsSendHistoryStatuses (Name) VALUES ('skipped_no_consent');
INSERT INTO SmsSendHistoryStatuses (Name) VALUES ('blocked_opted_out');
