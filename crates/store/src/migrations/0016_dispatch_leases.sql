-- A sender claims the utskick it is about to send until a time (a lease): two Paragraf
-- processes on one database never send the same message twice, and a sender that dies
-- mid-send leaves its messages to be claimed again when the lease runs out.
ALTER TABLE dispatches ADD COLUMN lease_until TEXT;
