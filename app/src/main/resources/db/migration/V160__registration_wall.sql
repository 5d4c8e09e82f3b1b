-- The registration wall (issue 17): separate monthly allowances for anonymous visitors and free
-- members, and a join offer for visitors. The one allowance there was goes to both, so a site keeps
-- the meter it had until the publisher sets them apart at /admin/paywall.
INSERT INTO site_settings (name, setting_value)
    SELECT 'paywall.free-per-month.visitors', setting_value FROM site_settings WHERE name = 'paywall.free-per-month';
INSERT INTO site_settings (name, setting_value)
    SELECT 'paywall.free-per-month.members', setting_value FROM site_settings WHERE name = 'paywall.free-per-month';
DELETE FROM site_settings WHERE name = 'paywall.free-per-month';
INSERT INTO site_settings (name, setting_value) VALUES ('paywall.visitor-offer-heading', 'Register to keep reading');
INSERT INTO site_settings (name, setting_value) VALUES ('paywall.visitor-offer-text',
    'Join free with your email address to read more pieces each month.');
