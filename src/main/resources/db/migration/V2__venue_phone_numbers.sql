-- Story 2.1: each venue's dedicated sender number per provider.
-- VenueID is the order system's Venue.ID. It carries no foreign key: that table belongs to the
-- order system's schema, and a cross-owner key would tie our migrations to theirs.
-- "One active number per venue per provider" is a filtered unique index, dialect-specific:
-- see db/vendor/*/V3__one_active_number_per_venue_provider.sql.

CREATE TABLE VenuePhoneNumbers (
    ID             INT IDENTITY(1,1) NOT NULL,
    VenueID        INT               NOT NULL,
    PhoneNumber    VARCHAR(20)       NOT NULL,
    ProviderID     VARCHAR(100)      NOT NULL,
    ProviderNameID INT               NOT NULL,
    StatusID       INT               NOT NULL,
    AssignedAt     DATETIME2         NOT NULL,
    ReleasedAt     DATETIME2         NULL,
    CreatedAt      DATETIME2         NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UpdatedAt      DATETIME2         NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT PK_VenuePhoneNumbers PRIMARY KEY (ID),
    CONSTRAINT FK_VenuePhoneNumbers_ProviderNames FOREIGN KEY (ProviderNameID) REFERENCES ProviderNames (ID),
    CONSTRAINT FK_VenuePhoneNumbers_VenuePhoneNumberStatuses FOREIGN KEY (StatusID) REFERENCES VenuePhoneNumberStatuses (ID)
);

CREATE INDEX IX_VenuePhoneNumbers_VenueID ON VenuePhoneNumbers (VenueID);
CREATE INDEX IX_VenuePhoneNumbers_PhoneNumber ON VenuePhoneNumbers (PhoneNumber);
