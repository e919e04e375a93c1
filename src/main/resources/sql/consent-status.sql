-- The current consent status name (opted_in / opted_out) for venue + phone, or no row when there is no record.
-- String parameters are CAST to the column's VARCHAR type: mssql-jdbc sends NVARCHAR, which would make SQL Server
-- convert the column and scan instead of seeking its index.
SELECT st.Name
FROM SmsConsent c
JOIN SmsConsentStatuses st ON st.ID = c.StatusID
WHERE c.VenueID = :#${header.venueId}
  AND c.PhoneNumber = CAST(:#${header.phoneNumber} AS VARCHAR(20))
