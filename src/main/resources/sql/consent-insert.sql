-- First record for venue + phone, in status ${variable.consentTarget} (opted_in / opted_out). The source and, for an
-- opt-in, InitialConsentAt are set here once and kept. Two first records racing: the unique key (VenueID,
-- PhoneNumber) lets one in, and the route turns the other into an update.
INSERT INTO SmsConsent (VenueID, PhoneNumber, StatusID, ConsentSourceID, InitialConsentAt, OptedInAt, OptedOutAt,
                        CreatedAt, UpdatedAt)
SELECT CAST(:#${header.venueId} AS INT), CAST(:#${header.phoneNumber} AS VARCHAR(20)), st.ID, src.ID,
       CASE WHEN st.Name = 'opted_in' THEN CURRENT_TIMESTAMP END,
       CASE WHEN st.Name = 'opted_in' THEN CURRENT_TIMESTAMP END,
       CASE WHEN st.Name = 'opted_out' THEN CURRENT_TIMESTAMP END,
       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM SmsConsentStatuses st, ConsentSources src
WHERE st.Name = :#${variable.consentTarget}
  AND src.Name = :#${header.consentSource}
