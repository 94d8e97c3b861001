-- Rate limits shared by every instance (limits feature): hits per subject and action in a fixed
-- window (docs/decisions/0019-verified-contacts-and-limits.md). Old windows are deleted by the
-- limiter itself.
create table rate_counters (
    subject      varchar(128) not null,
    action       varchar(40)  not null,
    window_start timestamptz  not null,
    hits         integer      not null,
    primary key (subject, action, window_start)
);
create index rate_counters_window on rate_counters (window_start);
