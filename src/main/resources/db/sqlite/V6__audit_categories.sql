-- Admin actions and security events kept apart: category 'action' (what a signed-in admin or the
-- command line did) or 'security' (refused sign-ins and calls: what unauthenticated clients caused).
-- History pages each category on its own (newest id first), and each has its own retention.
ALTER TABLE audit_events ADD COLUMN category TEXT NOT NULL DEFAULT 'action';
UPDATE audit_events SET category = 'security' WHERE security_key IS NOT NULL;
CREATE INDEX audit_events_by_category ON audit_events (category, id);
CREATE INDEX audit_events_by_category_at ON audit_events (category, at);
CREATE INDEX audit_events_by_category_username ON audit_events (category, username, id);
