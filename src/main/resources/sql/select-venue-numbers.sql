-- The venue's active sender numbers, at most one per provider (UX_VenuePhoneNumbers_ActiveVenueProvider), oldest
-- first: the oldest one's provider is the venue's primary provider; the others are failover candidates.
SELECT n.ID AS SenderNumberID, n.PhoneNumber AS SenderNumber, p.Name AS Provider
FROM VenuePhoneNumbers n
JOIN ProviderNames p ON p.ID = n.ProviderNameID
JOIN VenuePhoneNumberStatuses s ON s.ID = n.StatusID
WHERE n.VenueID = :#venueId AND s.Name = 'active'
ORDER BY n.AssignedAt, n.ID
