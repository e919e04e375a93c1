-- The venue(s) whose active sender number, with this provider, an inbound SMS was sent to. One venue in practice;
-- should a number ever be active for two venues, the keyword applies to both, as the consumer texted that number.
SELECT DISTINCT v.VenueID AS venueId
FROM VenuePhoneNumbers v
JOIN ProviderNames p ON p.ID = v.ProviderNameID
JOIN VenuePhoneNumberStatuses s ON s.ID = v.StatusID
WHERE v.PhoneNumber = :#${variable.toNumber}
  AND p.Name = :#${variable.provider}
  AND s.Name = 'active'
