-- A delivery status callback, in one guarded statement: the row moves only forward (queued 1 < sent 2 < delivered /
-- undelivered / failed 3, which are final), so repeated and out-of-order callbacks never regress it. Rows in a
-- status outside that lifecycle (skipped_*, blocked_*) rank 99 and are never touched.
-- String parameters are CAST to the column's VARCHAR type: mssql-jdbc sends NVARCHAR, which would make SQL Server
-- convert the column and scan instead of seeking its index.
UPDATE SmsSendHistory
SET StatusID = (SELECT ID FROM SmsSendHistoryStatuses WHERE Name = :#${variable.deliveryStatus}),
    ErrorCode = COALESCE(CAST(:#${variable.errorCode} AS VARCHAR(50)), ErrorCode),
    UpdatedAt = CURRENT_TIMESTAMP
WHERE ProviderMessageID = CAST(:#${variable.providerMessageId} AS VARCHAR(100))
  AND StatusID IN (SELECT ID
                   FROM SmsSendHistoryStatuses
                   WHERE CASE Name WHEN 'queued' THEN 1 WHEN 'sent' THEN 2 ELSE 99 END
                         < :#${variable.deliveryRank})
