-- A freshly bought number becomes the venue's active one. If another instance got there first, the unique index
-- UX_VenuePhoneNumbers_ActiveVenueProvider refuses this row and the caller releases the number it bought.
INSERT INTO VenuePhoneNumbers (VenueID, PhoneNumber, ProviderID, ProviderNameID, StatusID, AssignedAt, CreatedAt, UpdatedAt)
VALUES (:#venueId, :#phoneNumber, :#providerId,
        (SELECT ID FROM ProviderNames WHERE Name = :#provider),
        (SELECT ID FROM VenuePhoneNumberStatuses WHERE Name = 'active'),
        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
