-- GET /api/history: how many rows match the filters (the page's "total"). The same WHERE as history-page.sql.
SELECT COUNT(*)
FROM SmsSendHistory h
JOIN SmsSendHistoryStatuses s ON s.ID = h.StatusID
WHERE (CAST(:#${variable.orderId} AS UNIQUEIDENTIFIER) IS NULL OR h.OrderID = :#${variable.orderId})
  AND (CAST(:#${variable.phoneNumber} AS VARCHAR(20)) IS NULL OR h.CustomerPhoneNumber = CAST(:#${variable.phoneNumber} AS VARCHAR(20)))
  AND (CAST(:#${variable.venueId} AS INT) IS NULL OR h.VenueID = :#${variable.venueId})
  AND (CAST(:#${variable.status} AS VARCHAR(30)) IS NULL OR s.Name = CAST(:#${variable.status} AS VARCHAR(30)))
  AND (CAST(:#${variable.from} AS DATETIME2) IS NULL OR h.CreatedAt >= :#${variable.from})
  AND (CAST(:#${variable.to} AS DATETIME2) IS NULL OR h.CreatedAt < :#${variable.to})
