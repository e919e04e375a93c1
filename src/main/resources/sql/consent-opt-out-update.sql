-- opted_in -> opted_out. Guarded by the current status, so of two concurrent opt-outs only one changes the row (and
-- is counted). OptedInAt and InitialConsentAt stay as they were.
UPDATE SmsConsent
SET StatusID = (SELECT ID FROM SmsConsentStatuses WHERE Name = 'opted_out'),
    OptedOutAt = CURRENT_TIMESTAMP,
    UpdatedAt = CURRENT_TIMESTAMP
WHERE VenueID = :#${header.venueId}
  AND PhoneNumber = CAST(:#${header.phoneNumber} AS VARCHAR(20))
  AND StatusID <> (SELECT ID FROM SmsConsentStatuses WHERE Name = 'opted_out')
