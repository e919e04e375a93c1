-- GET /api/history: one page, newest first. Every filter is optional: a null parameter matches all rows.
-- The same WHERE as history-count.sql and history-export.sql.
-- String parameters are CAST to the column's VARCHAR type: mssql-jdbc sends NVARCHAR, which would make SQL Server
-- convert the column and scan instead of seeking its index.
SELECT h.ID AS id,
       h.CreatedAt AS createdAt,
       h.UpdatedAt AS updatedAt,
       h.OrderID AS orderId,
       h.VenueID AS venueId,
       h.CustomerPhoneNumber AS phoneNumber,
       n.PhoneNumber AS senderNumber,
       h.MessageType AS messageType,
       s.Name AS status,
       p.Name AS provider,
       h.ProviderMessageID AS providerMessageId,
       h.ErrorCode AS errorCode,
       h.ErrorMessage AS errorMessage,
       h.SegmentCount AS segmentCount,
       h.CustomerID AS customerId,
       h.CorrelationID AS correlationId,
       h.EventKey AS eventKey,
       h.Message AS message
FROM SmsSendHistory h
JOIN SmsSendHistoryStatuses s ON s.ID = h.StatusID
LEFT JOIN ProviderNames p ON p.ID = h.ProviderNameID
LEFT JOIN VenuePhoneNumbers n ON n.ID = h.VenuePhoneNumberID
WHERE (CAST(:#${variable.orderId} AS UNIQUEIDENTIFIER) IS NULL OR h.OrderID = :#${variable.orderId})
  AND (CAST(:#${variable.phoneNumber} AS VARCHAR(20)) IS NULL OR h.CustomerPhoneNumber = CAST(:#${variable.phoneNumber} AS VARCHAR(20)))
  AND (CAST(:#${variable.venueId} AS INT) IS NULL OR h.VenueID = :#${variable.venueId})
  AND (CAST(:#${variable.status} AS VARCHAR(30)) IS NULL OR s.Name = CAST(:#${variable.status} AS VARCHAR(30)))
  AND (CAST(:#${variable.from} AS DATETIME2) IS NULL OR h.CreatedAt >= :#${variable.from})
  AND (CAST(:#${variable.to} AS DATETIME2) IS NULL OR h.CreatedAt < :#${variable.to})
ORDER BY h.CreatedAt DESC, h.ID DESC
OFFSET :#${variable.offset} ROWS FETCH NEXT :#${variable.size} ROWS ONLY
