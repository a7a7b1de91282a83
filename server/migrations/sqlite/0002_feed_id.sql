-- A random id for this database's change feed: kiosks that see it change start over.
INSERT INTO server_meta (key, value) VALUES ('feed_id', lower(hex(randomblob(16))));
