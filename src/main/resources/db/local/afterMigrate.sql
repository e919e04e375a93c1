-- Local profile only: demo data for a newcomer's first run (README "What you should see").
-- Runs after every migrate and only inserts rows that are missing, so the demo survives restarts
-- without undoing what you changed (an opt-out you texted stays an opt-out).

-- Venues: 1 has a Twilio sender number already; 2 has none, so its first SMS provisions one.
INSERT INTO Venues (ID, Name, CountryCode, TimeZone)
SELECT 1, 'The Blue Room', 'US', 'America/Los_Angeles' WHERE NOT EXISTS (SELECT 1 FROM Venues WHERE ID = 1);
INSERT INTO Venues (ID, Name, CountryCode, TimeZone)
SELECT 2, 'Harbour Hall', 'US', 'America/New_York' WHERE NOT EXISTS (SELECT 1 FROM Venues WHERE ID = 2);

-- Customers (555-01xx numbers are reserved for fiction).
INSERT INTO Customers (ID, FirstName, LastName, PhoneNumber, Email)
SELECT 'c0000000-0000-0000-0000-000000000001', 'Ada', 'Lovelace', '+14155550101', 'ada@example.com'
WHERE NOT EXISTS (SELECT 1 FROM Customers WHERE ID = 'c0000000-0000-0000-0000-000000000001');
INSERT INTO Customers (ID, FirstName, LastName, PhoneNumber, Email)
SELECT 'c0000000-0000-0000-0000-000000000002', 'Ben', 'Okri', '+14155550102', 'ben@example.com'
WHERE NOT EXISTS (SELECT 1 FROM Customers WHERE ID = 'c0000000-0000-0000-0000-000000000002');
INSERT INTO Customers (ID, FirstName, LastName, PhoneNumber, Email)
SELECT 'c0000000-0000-0000-0000-000000000003', 'Chloe', 'Zhao', '+14155550103', 'chloe@example.com'
WHERE NOT EXISTS (SELECT 1 FROM Customers WHERE ID = 'c0000000-0000-0000-0000-000000000003');

-- Orders: Ada's confirmed order (sent), her cancelled one (skipped_order_invalid), Ben's (he opted
-- out: blocked_opted_out), Chloe's (no consent: skipped_no_consent), Ada at Harbour Hall (provisions).
INSERT INTO Orders (ID, OrderNumber, VenueID, CustomerID, EventName, EventDate, OrderTotal, Currency, TicketCount, Status)
SELECT '0d000000-0000-0000-0000-000000000001', 'BR-1001', 1, 'c0000000-0000-0000-0000-000000000001',
       'Night Owls Live', '2026-12-12 20:00:00', 84.50, 'USD', 2, 'confirmed'
WHERE NOT EXISTS (SELECT 1 FROM Orders WHERE ID = '0d000000-0000-0000-0000-000000000001');
INSERT INTO Orders (ID, OrderNumber, VenueID, CustomerID, EventName, EventDate, OrderTotal, Currency, TicketCount, Status)
SELECT '0d000000-0000-0000-0000-000000000002', 'BR-1002', 1, 'c0000000-0000-0000-0000-000000000001',
       'Night Owls Live', '2026-12-13 20:00:00', 42.25, 'USD', 1, 'cancelled'
WHERE NOT EXISTS (SELECT 1 FROM Orders WHERE ID = '0d000000-0000-0000-0000-000000000002');
INSERT INTO Orders (ID, OrderNumber, VenueID, CustomerID, EventName, EventDate, OrderTotal, Currency, TicketCount, Status)
SELECT '0d000000-0000-0000-0000-000000000003', 'BR-1003', 1, 'c0000000-0000-0000-0000-000000000002',
       'Night Owls Live', '2026-12-12 20:00:00', 42.25, 'USD', 1, 'confirmed'
WHERE NOT EXISTS (SELECT 1 FROM Orders WHERE ID = '0d000000-0000-0000-0000-000000000003');
INSERT INTO Orders (ID, OrderNumber, VenueID, CustomerID, EventName, EventDate, OrderTotal, Currency, TicketCount, Status)
SELECT '0d000000-0000-0000-0000-000000000004', 'BR-1004', 1, 'c0000000-0000-0000-0000-000000000003',
       'Night Owls Live', '2026-12-12 20:00:00', 126.75, 'USD', 3, 'confirmed'
WHERE NOT EXISTS (SELECT 1 FROM Orders WHERE ID = '0d000000-0000-0000-0000-000000000004');
INSERT INTO Orders (ID, OrderNumber, VenueID, CustomerID, EventName, EventDate, OrderTotal, Currency, TicketCount, Status)
SELECT '0d000000-0000-0000-0000-000000000005', 'HH-2001', 2, 'c0000000-0000-0000-0000-000000000001',
       'Harbour Lights Quartet', '2027-01-09 19:30:00', 60.00, 'USD', 2, 'confirmed'
WHERE NOT EXISTS (SELECT 1 FROM Orders WHERE ID = '0d000000-0000-0000-0000-000000000005');

-- The Blue Room's Twilio sender number (the local simulator accepts any number it issued or was given).
INSERT INTO VenuePhoneNumbers (VenueID, PhoneNumber, ProviderID, ProviderNameID, StatusID, AssignedAt)
SELECT 1, '+15005550006', 'PN00000000000000000000000000000001',
       (SELECT ID FROM ProviderNames WHERE Name = 'twilio'),
       (SELECT ID FROM VenuePhoneNumberStatuses WHERE Name = 'active'), CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM VenuePhoneNumbers WHERE VenueID = 1);

-- Consent: Ada opted in at both venues at checkout; Ben opted out of The Blue Room; Chloe has none.
INSERT INTO SmsConsent (VenueID, PhoneNumber, StatusID, ConsentSourceID, InitialConsentAt, OptedInAt)
SELECT 1, '+14155550101', (SELECT ID FROM SmsConsentStatuses WHERE Name = 'opted_in'),
       (SELECT ID FROM ConsentSources WHERE Name = 'checkout'), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM SmsConsent WHERE VenueID = 1 AND PhoneNumber = '+14155550101');
INSERT INTO SmsConsent (VenueID, PhoneNumber, StatusID, ConsentSourceID, InitialConsentAt, OptedInAt)
SELECT 2, '+14155550101', (SELECT ID FROM SmsConsentStatuses WHERE Name = 'opted_in'),
       (SELECT ID FROM ConsentSources WHERE Name = 'checkout'), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM SmsConsent WHERE VenueID = 2 AND PhoneNumber = '+14155550101');
INSERT INTO SmsConsent (VenueID, PhoneNumber, StatusID, ConsentSourceID, InitialConsentAt, OptedInAt, OptedOutAt)
SELECT 1, '+14155550102', (SELECT ID FROM SmsConsentStatuses WHERE Name = 'opted_out'),
       (SELECT ID FROM ConsentSources WHERE Name = 'checkout'), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM SmsConsent WHERE VenueID = 1 AND PhoneNumber = '+14155550102');
