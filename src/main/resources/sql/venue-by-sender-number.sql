-- The venue(s) whose active sender number, with this provider, an inbound SMS was sent to. One venue in practice;
-- should a number ever be active for two venues, the keyword applies to both, as the consumer texted that number.
-- String parameters are CAST to the column's VARCHAR type: mssql-jdbc sends NVARCHAR, which would make SQL Server
-- convert the column and scan instead of seeking its index.
SELECT DISTINCT v.VenueID AS venueId
FROM VenuePhoneNumbers v
JOIN ProviderNames p ON p.ID = v.ProviderNameID
JOIN VenuePhoneNumberStatuses s ON s.ID = v.StatusID
WHERE v.PhoneNumber = CAST(:#${variable.toNumber} AS VARCHAR(20))
  AND p.Name = CAST(:#${variable.provider} AS VARCHAR(50))
  AND s.Name = 'active'
