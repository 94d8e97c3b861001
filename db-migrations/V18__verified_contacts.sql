-- Verified contacts (notifications feature): an email address or phone number receives alerts only
-- after its owner confirmed a code sent to it (docs/decisions/0019-verified-contacts-and-limits.md).

-- when the address now saved was confirmed; saving another address clears it
alter table notification_preferences
    add column email_verified_at timestamptz,
    add column phone_verified_at timestamptz;

-- one row per code sent: the current code of a contact is its newest unused row; the rows of the
-- last day are also the resend counts, per user and per address
create table contact_codes (
    id          uuid         primary key default gen_random_uuid(),
    user_name   varchar(128) not null,
    contact     varchar(5)   not null check (contact in ('email', 'phone')),
    address     varchar(254) not null,
    code_hash   bytea        not null,  -- sha256 of the code with the row's id: no code at rest
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    tries       integer      not null default 0,
    used_at     timestamptz            -- confirmed, or replaced by a newer code
);
create index contact_codes_user on contact_codes (user_name, created_at);
create index contact_codes_address on contact_codes (address, created_at);
