-- One history row per event outcome. EventKey is unique: a retried write after an unclear failure cannot record
-- the same event twice (the NOT EXISTS keeps the common case quiet, the unique index settles races).
INSERT INTO SmsSendHistory (EventKey, MessageType, OrderID, VenueID, VenuePhoneNumberID, CustomerID,
                            CustomerPhoneNumber, Message, SegmentCount, ProviderNameID, StatusID, ProviderMessageID,
                            ErrorCode, ErrorMessage, CorrelationID, CreatedAt, UpdatedAt)
SELECT :#eventKey, :#messageType, :#orderId, :#venueId, :#${exchangeProperty.senderNumberId}, :#customerId,
       :#phoneNumber, LEFT(:#${exchangeProperty.messageText}, 500), :#${exchangeProperty.segments},
       (SELECT ID FROM ProviderNames WHERE Name = :#${exchangeProperty.provider}),
       (SELECT ID FROM SmsSendHistoryStatuses WHERE Name = :#${exchangeProperty.status}),
       :#${exchangeProperty.providerMessageId}, :#${exchangeProperty.errorCode}, :#${exchangeProperty.errorMessage},
       :#${exchangeProperty.correlationId}, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
WHERE NOT EXISTS (SELECT 1 FROM SmsSendHistory WHERE EventKey = :#eventKey)
