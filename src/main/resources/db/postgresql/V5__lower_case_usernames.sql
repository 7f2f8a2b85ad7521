-- Usernames are kept in one form: Unicode NFKC, lower case (server/security/identity/Usernames), and every
-- username typed is turned into that form before it is looked up. An account made before that rule
-- with capitals ("Maria.Lopez") is renamed to its lower-case form, unless another account has the
-- same lower-case form (then both stay as they are and the operator decides; docs/security.md).
UPDATE users SET username = lower(username)
WHERE username <> lower(username)
  AND NOT EXISTS (SELECT 1 FROM users o WHERE o.id <> users.id AND lower(o.username) = lower(users.username));
