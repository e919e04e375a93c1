-- The current consent status name (opted_in / opted_out) for venue + phone, or no row when there is no record.
SELECT st.Name
FROM SmsConsent c
JOIN SmsConsentStatuses st ON st.ID = c.StatusID
WHERE c.VenueID = :#${header.venueId}
  AND c.PhoneNumber = :#${header.phoneNumber}
