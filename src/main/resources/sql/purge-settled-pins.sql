-- One batch of settled send intents (ProviderPins: processor provider-pins, key <eventKey>|<provider>): pins written
-- before the cutoff whose event has its outcome row. From then on every delivery or replay of the event is skipped
-- as already handled, so the pin is never read again. Pins of events without an outcome (in flight, dead-lettered)
-- stay: a replay must still ask the provider first. The EXISTS reads SmsSendHistory's unique EventKey index.
DELETE TOP (:#batchSize) FROM CAMEL_MESSAGEPROCESSED
WHERE processorName = 'provider-pins'
  AND createdAt < :#cutoff
  AND EXISTS (SELECT 1 FROM SmsSendHistory h
              WHERE h.EventKey = LEFT(CAMEL_MESSAGEPROCESSED.messageId, CHARINDEX('|', CAMEL_MESSAGEPROCESSED.messageId) - 1))
