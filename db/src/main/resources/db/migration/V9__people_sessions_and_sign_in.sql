-- People: rights take effect at once, passwords can be changed, and guessing is slowed down.

-- Counts the changes of a person's role, access or password: a browser session remembers the
-- count at sign-in and ends at its next request once the count has moved on.
ALTER TABLE users ADD COLUMN session_generation INT NOT NULL DEFAULT 0;
-- A password someone else chose (an admin's reset, the generated first admin's): changed at the
-- next sign-in before anything else.
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;

-- Failed sign-ins per account ('user:<name>') and per address ('address:<ip>'), shared by every
-- instance: after a few, the next try has to wait, longer each time.
CREATE TABLE sign_in_failures (
    subject          VARCHAR(120) PRIMARY KEY,
    failures         INT          NOT NULL,
    last_failure_at  TIMESTAMPTZ  NOT NULL,
    blocked_until    TIMESTAMPTZ
);
CREATE INDEX sign_in_failures_old ON sign_in_failures (last_failure_at);
