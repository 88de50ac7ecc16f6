-- A facility's postal code is derived from its address (issue 11: a new posting starts from the facility's whole
-- address): the towns of one municipality are read by municipality, which the primary key (postal code first)
-- cannot serve among the 124,145 rows of Japan Post's data.
CREATE INDEX postal_codes_by_municipality ON postal_codes (municipality_code);
