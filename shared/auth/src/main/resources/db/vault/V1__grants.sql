-- The token vault of delegated access (ATLASSIAN_AUTH_MODE=oauth). People are stored as a SHA-256 of their identity
-- provider claim, never the claim itself; every token is sealed with AES-256-GCM under the key named in key_id.

create table atlassian_grant (
    person            varchar(64)  not null,
    product           varchar(16)  not null,
    key_id            varchar(64)  not null,
    sealed            bytea        not null,
    access_expires_at timestamptz  not null,
    connected_at      timestamptz  not null,
    refreshed_at      timestamptz  not null,
    primary key (person, product)
);

-- A connect link the server gave a person, then the Atlassian consent it started once they signed in. Rows live for
-- minutes; a link is used once.
create table connect_request (
    link              varchar(64)  primary key,
    person            varchar(64)  not null,
    product           varchar(16)  not null,
    expires_at        timestamptz  not null,
    state             varchar(64)  unique,
    browser           varchar(64),
    key_id            varchar(64),
    sealed            bytea
);

create index connect_request_expiry on connect_request (expires_at);
