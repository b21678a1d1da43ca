-- Sekretessprövning of a handling for the public: NULL until a person decides, then
-- 'public' (may be published) or 'secret'.
ALTER TABLE documents ADD COLUMN review TEXT CHECK (review IS NULL OR review IN ('public', 'secret'));
