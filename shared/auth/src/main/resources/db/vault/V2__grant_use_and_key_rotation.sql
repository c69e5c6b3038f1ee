-- When each grant was last used (written at most once an hour), so that grants nobody uses any more can be deleted
-- (ATLASSIAN_OAUTH_UNUSED_GRANT_LIFETIME); and the key id index the re-sealing after a key rotation looks rows up by.

alter table atlassian_grant add column last_used_at timestamptz;
update atlassian_grant set last_used_at = refreshed_at;
alter table atlassian_grant alter column last_used_at set not null;
alter table atlassian_grant alter column last_used_at set default now();

create index atlassian_grant_last_used on atlassian_grant (last_used_at);
create index atlassian_grant_key on atlassian_grant (key_id);
