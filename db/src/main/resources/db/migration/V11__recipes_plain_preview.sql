-- What a run will do, in the owners' words over the answers ("This will post a reminder to {team}
-- for {deadline}"), shown to people before they press Run. Optional; no default.
ALTER TABLE recipes
    ADD COLUMN plain_preview_en TEXT,
    ADD COLUMN plain_preview_ja TEXT;
