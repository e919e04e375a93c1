-- Whether the send flow has recorded a message with this provider message id yet (0 or 1 in practice).
-- String parameters are CAST to the column's VARCHAR type so SQL Server seeks the index.
SELECT COUNT(*)
FROM SmsSendHistory
WHERE ProviderMessageID = CAST(:#${variable.providerMessageId} AS VARCHAR(100))
