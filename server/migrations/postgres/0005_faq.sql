-- Questions and answers, replicated to kiosks like the reference data. An entry is stored
-- whole as JSON (its translations, sources and links change together); the server checks it
-- before storing, and kiosks index it for search.
CREATE TABLE faq_entries (
    id   TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    seq  BIGINT NOT NULL UNIQUE
);
