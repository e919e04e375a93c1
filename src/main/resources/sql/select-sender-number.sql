-- The venue's active sender number on one provider (header provider).
SELECT TOP 1 n.ID AS SenderNumberID, n.PhoneNumber AS SenderNumber, p.Name AS Provider
FROM VenuePhoneNumbers n
JOIN ProviderNames p ON p.ID = n.ProviderNameID
JOIN VenuePhoneNumberStatuses s ON s.ID = n.StatusID
WHERE n.VenueID = :#venueId AND p.Name = :#provider AND s.Name = 'active'
ORDER BY n.AssignedAt, n.ID
