-- H2 has no filtered index: the same rule through a generated column. Active rows get
-- 'venue:provider' (unique), other rows a value unique to the row (H2 in MSSQLServer mode treats
-- NULLs as equal in unique indexes, as SQL Server does, so NULL cannot be used).
ALTER TABLE VenuePhoneNumbers ADD ActiveVenueProvider VARCHAR(40)
    AS (CASE WHEN StatusID = 1 THEN CONCAT(VenueID, ':', ProviderNameID) ELSE CONCAT('row:', ID) END);

CREATE UNIQUE INDEX UX_VenuePhoneNumbers_ActiveVenueProvider
    ON VenuePhoneNumbers (ActiveVenueProvider);
