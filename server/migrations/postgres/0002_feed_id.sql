-- A random id for this database's change feed: kiosks that see it change start over.
INSERT INTO server_meta (key, value) VALUES ('feed_id', replace(gen_random_uuid()::text, '-', ''));
