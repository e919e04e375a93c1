-- Story 2.1: at most one active (StatusID 1) number per venue per provider. Two instances
-- provisioning a number for the same new venue at once race here, and the database decides.
CREATE UNIQUE NONCLUSTERED INDEX UX_VenuePhoneNumbers_ActiveVenueProvider
    ON VenuePhoneNumbers (VenueID, ProviderNameID)
    WHERE StatusID = 1;
