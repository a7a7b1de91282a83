-- The services map's directory (HSDS 3.0 shaped), replicated to kiosks like the reference
-- data. One row per organization, stored whole as JSON with its places and services: they
-- are imported, edited and replicated together, and checked before they are stored.
CREATE TABLE directory_organizations (
    id   TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    seq  INTEGER NOT NULL UNIQUE
);
