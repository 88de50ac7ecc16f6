-- Scope of organisations (SPEC.md "Roles"): a coordinating organisation covers job categories in its prefecture
-- (ナースセンター: the nursing professions), an aggregator may serve only some 二次医療圏 of it (a 保健所).
-- Comma-separated codes; NULL = all categories / the whole prefecture, which is what existing rows keep.
ALTER TABLE organisations ADD COLUMN categories TEXT;
ALTER TABLE organisations ADD COLUMN areas TEXT;
