-- Consent of this phone for this venue only (opting out of one venue leaves the others).
SELECT s.Name AS Status
FROM SmsConsent c
JOIN SmsConsentStatuses s ON s.ID = c.StatusID
WHERE c.VenueID = :#venueId AND c.PhoneNumber = :#phoneNumber
