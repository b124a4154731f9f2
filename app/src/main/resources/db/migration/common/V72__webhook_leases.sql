-- Webhook outbox leases (issue 13): a deliverer claims a due delivery until leased_until, so two
-- `redline serve` processes on one database never POST the same delivery at once.
ALTER TABLE webhook_outbox ADD COLUMN lease_owner TEXT;
ALTER TABLE webhook_outbox ADD COLUMN leased_until BIGINT;
