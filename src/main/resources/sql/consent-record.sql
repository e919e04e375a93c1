-- One consent record as GET /api/consent/{venueId}/{phone} returns it (aliases are the JSON field names).
SELECT c.VenueID AS venueId,
       c.PhoneNumber AS phoneNumber,
       st.Name AS status,
       src.Name AS source,
       c.InitialConsentAt AS initialConsentAt,
       c.OptedInAt AS optedInAt,
       c.OptedOutAt AS optedOutAt,
       c.UpdatedAt AS updatedAt
FROM SmsConsent c
JOIN SmsConsentStatuses st ON st.ID = c.StatusID
LEFT JOIN ConsentSources src ON src.ID = c.ConsentSourceID
WHERE c.VenueID = :#${header.venueId}
  AND c.PhoneNumber = CAST(:#${header.phoneNumber} AS VARCHAR(20))
