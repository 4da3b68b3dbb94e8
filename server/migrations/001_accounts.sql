-- Organisation, accounts, sessions, API keys and their audit trail (component 'server').
-- Times are written by the server from its own clock (tests move it), never now().

-- The tree 市局 → 区/县局 → 市场监管所 / 科室 / 大队. `path` holds the ids from the root down
-- ('/<root>/.../<self>/'), so "this department and everything below" is one indexed
-- prefix match: path LIKE '<prefix>%'. Codes never change: BPMN candidate groups name them
-- (dept:<code>).
CREATE TABLE departments (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  code        text        NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'),
  name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  kind        text        NOT NULL CHECK (kind IN ('city-bureau', 'district-bureau', 'station', 'section',
                                                   'brigade', 'command-centre', 'hotline-centre')),
  parent_id   uuid        REFERENCES departments (id),
  path        text        NOT NULL UNIQUE,
  active      boolean     NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);
CREATE INDEX departments_path_prefix ON departments (path text_pattern_ops);
CREATE INDEX departments_parent ON departments (parent_id);

-- Mirrors server/access/roles.ts (a test keeps them equal), so SQL reports can join labels.
CREATE TABLE roles (
  code  text PRIMARY KEY,
  label text NOT NULL
);
INSERT INTO roles (code, label) VALUES
  ('dispatcher', '登记员'),
  ('handler', '承办人'),
  ('legal', '法制审核'),
  ('deputy-leader', '分管领导'),
  ('principal-leader', '主要领导'),
  ('hotline-centre', '热线服务中心'),
  ('supervisor', '督办员'),
  ('process-admin', '流程管理员'),
  ('system-admin', '系统管理员');

CREATE TABLE users (
  id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  login                text        NOT NULL CHECK (login ~ '^[a-z][a-z0-9._-]{1,31}$'),
  display_name         text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 50),
  department_id        uuid        NOT NULL REFERENCES departments (id),
  phone                text,
  status               text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  -- scrypt$N$r$p$salt$hash (base64): parameters travel with the hash, so they can grow.
  password_hash        text        NOT NULL,
  must_change_password boolean     NOT NULL DEFAULT false,
  password_changed_at  timestamptz NOT NULL,
  -- Consecutive failures since the last success; reset when the lock is applied.
  failed_attempts      integer     NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  last_login_at        timestamptz,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_login ON users (login);
CREATE INDEX users_department ON users (department_id);

CREATE TABLE user_roles (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role    text NOT NULL REFERENCES roles (code),
  PRIMARY KEY (user_id, role)
);
CREATE INDEX user_roles_role ON user_roles (role);

-- The cookie carries a random token; only its SHA-256 is stored, so a copy of this table
-- opens no session. The CSRF token is the synchronizer token of the session.
CREATE TABLE sessions (
  token_hash   bytea       PRIMARY KEY,
  user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token   text        NOT NULL,
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  ip           text,
  user_agent   text
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Failed logins per client address ('ip:<addr>') and per unknown login name
-- ('login:<name>', so an unknown name behaves like a real account and reveals nothing).
CREATE TABLE login_failures (
  key           text        PRIMARY KEY,
  failures      integer     NOT NULL,
  first_at      timestamptz NOT NULL,
  blocked_until timestamptz
);

-- Outside systems (the 12345 platform) sign requests with HMAC-SHA256. The server needs
-- the secret itself to check a signature, so it is kept encrypted under API_KEY_MASTER_KEY
-- ('v1:<iv>:<tag>:<ciphertext>', base64) or, without that key, as 'plain:<secret>'.
CREATE TABLE api_keys (
  id                uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
  key_id            text             NOT NULL UNIQUE,
  name              text             NOT NULL,
  department_id     uuid             NOT NULL REFERENCES departments (id),
  scopes            text[]           NOT NULL DEFAULT '{}',
  secret            text             NOT NULL,
  rate_per_minute   integer          NOT NULL CHECK (rate_per_minute > 0),
  burst             integer          NOT NULL CHECK (burst > 0),
  -- Token bucket, refilled lazily on each request.
  bucket_tokens     double precision NOT NULL,
  bucket_updated_at timestamptz      NOT NULL,
  created_by        uuid             REFERENCES users (id),
  created_at        timestamptz      NOT NULL,
  last_used_at      timestamptz,
  revoked_at        timestamptz
);

-- Nonces seen within the accepted timestamp window: the same signed request twice is a replay.
CREATE TABLE api_key_nonces (
  api_key_id uuid        NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
  nonce      text        NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (api_key_id, nonce)
);
CREATE INDEX api_key_nonces_expires ON api_key_nonces (expires_at);

-- Who did what to accounts, departments and keys, and every login attempt (等保 requires both).
CREATE TABLE account_audit (
  id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL,
  actor_id    uuid,
  actor_login text,
  action      text        NOT NULL,
  target_type text,
  target_id   text,
  before      jsonb,
  after       jsonb,
  ip          text,
  request_id  text
);
CREATE INDEX account_audit_at ON account_audit (at);
CREATE INDEX account_audit_target ON account_audit (target_type, target_id);

-- One row per one-time step done (the demo seed), so a restart never redoes it.
CREATE TABLE server_seeds (
  name       text        PRIMARY KEY,
  applied_at timestamptz NOT NULL
);
