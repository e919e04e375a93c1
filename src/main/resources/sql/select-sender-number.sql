-- The venue's active sender number; the oldest active one when it has numbers on several providers.
SELECT TOP 1 n.ID AS SenderNumberID, n.PhoneNumber AS SenderNumber, p.Name AS Provider
FROM VenuePhoneNumbers n
JOIN ProviderNames p ON p.ID = n.ProviderNameID
JOIN VenuePhoneNumberStatuses s ON s.ID = n.StatusID
WHERE n.VenueID = :#venueId AND s.Name = 'active'
ORDER BY n.AssignedAt, n.ID
