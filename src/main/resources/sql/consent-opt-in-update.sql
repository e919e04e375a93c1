-- opted_out -> opted_in. Guarded by the current status, so of two concurrent opt-ins only one changes the row (and
-- is counted). OptedOutAt stays as it was; InitialConsentAt is set if this is the number's first consent.
UPDATE SmsConsent
SET StatusID = (SELECT ID FROM SmsConsentStatuses WHERE Name = 'opted_in'),
    OptedInAt = CURRENT_TIMESTAMP,
    InitialConsentAt = COALESCE(InitialConsentAt, CURRENT_TIMESTAMP),
    UpdatedAt = CURRENT_TIMESTAMP
WHERE VenueID = :#${header.venueId}
  AND PhoneNumber = CAST(:#${header.phoneNumber} AS VARCHAR(20))
  AND StatusID <> (SELECT ID FROM SmsConsentStatuses WHERE Name = 'opted_in')
