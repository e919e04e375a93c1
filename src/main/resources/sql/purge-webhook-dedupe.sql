-- Inbound message ids (webhook-inbound's idempotent consumer: processor webhook-inbound, key <provider>:<message id>)
-- written before the cutoff. A provider redelivers a webhook within minutes to hours, so after sms.webhooks.dedupe-keep
-- the id guards nothing; the consent change it recorded stays in SmsConsent.
DELETE FROM CAMEL_MESSAGEPROCESSED
WHERE processorName = 'webhook-inbound'
  AND createdAt < :#cutoff
