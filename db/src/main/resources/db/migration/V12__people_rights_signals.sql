-- Every instance keeps the rights that API tokens and browser sessions act with in memory, so that
-- a request needs no database round trip to know who is calling. Whatever changes those rights
-- (a role, access, a password that ends sessions, a token revoked or deleted, a person deleted),
-- through the portal or by hand in SQL, tells every instance with a NOTIFY carrying the person's
-- id, sent when the change commits; the instances forget what they held for that person.
CREATE FUNCTION people_rights_changed() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    -- each branch is planned only when it runs: a users row has no user_id
    IF TG_TABLE_NAME = 'users' THEN
        PERFORM pg_notify('engawa_rights', OLD.id::text);
    ELSE
        PERFORM pg_notify('engawa_rights', OLD.user_id::text);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER users_rights_changed
    AFTER UPDATE ON users FOR EACH ROW
    WHEN (OLD.role IS DISTINCT FROM NEW.role OR OLD.enabled IS DISTINCT FROM NEW.enabled
          OR OLD.session_generation IS DISTINCT FROM NEW.session_generation
          OR OLD.must_change_password IS DISTINCT FROM NEW.must_change_password
          OR OLD.username IS DISTINCT FROM NEW.username)
    EXECUTE FUNCTION people_rights_changed();

CREATE TRIGGER users_removed
    AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION people_rights_changed();

-- last_used_at changes once a minute per token in use and changes no one's rights: not signalled
CREATE TRIGGER api_tokens_rights_changed
    AFTER UPDATE ON api_tokens FOR EACH ROW
    WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
          OR OLD.token_hash IS DISTINCT FROM NEW.token_hash OR OLD.user_id IS DISTINCT FROM NEW.user_id)
    EXECUTE FUNCTION people_rights_changed();

CREATE TRIGGER api_tokens_removed
    AFTER DELETE ON api_tokens FOR EACH ROW EXECUTE FUNCTION people_rights_changed();
