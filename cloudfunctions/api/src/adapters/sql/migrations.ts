/** Versioned schema migrations, applied in order at start; each runs once, in its own transaction. */
import type { SqlDb } from './db';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'events, registrations, users',
    sql: `
      CREATE TABLE enterprises (
        id text PRIMARY KEY,
        name text NOT NULL,
        uscc text UNIQUE,
        created_at timestamptz NOT NULL
      );
      CREATE TABLE users (
        openid text PRIMARY KEY,
        roles text[] NOT NULL DEFAULT ARRAY['worker']::text[],
        name text,
        phone text,
        enterprise_id text REFERENCES enterprises(id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX users_roles_idx ON users USING gin (roles);
      CREATE TABLE events (
        id text PRIMARY KEY,
        type text NOT NULL CHECK (type IN ('fair', 'training', 'policy', 'salon', 'service')),
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        start_at timestamptz NOT NULL,
        end_at timestamptz NOT NULL,
        location text NOT NULL,
        capacity integer NOT NULL CHECK (capacity > 0),
        signup_deadline timestamptz,
        waitlist boolean NOT NULL,
        audience text NOT NULL CHECK (audience IN ('all', 'workers', 'enterprises')),
        status text NOT NULL CHECK (status IN ('draft', 'published', 'cancelled')),
        cancel_reason text,
        published_at timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        confirmed_count integer NOT NULL DEFAULT 0,
        waitlist_count integer NOT NULL DEFAULT 0,
        -- the last line of defence for capacity: no write can overfill an event
        CONSTRAINT events_capacity_held CHECK (confirmed_count >= 0 AND confirmed_count <= capacity),
        CONSTRAINT events_waitlist_nonnegative CHECK (waitlist_count >= 0)
      );
      CREATE INDEX events_listing_idx ON events (status, start_at, id);
      CREATE INDEX events_type_listing_idx ON events (type, status, start_at, id);
      CREATE SEQUENCE registration_seq;
      CREATE TABLE registrations (
        id text PRIMARY KEY,
        event_id text NOT NULL REFERENCES events(id),
        openid text NOT NULL REFERENCES users(openid),
        status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled', 'attended')),
        name text NOT NULL,
        phone text NOT NULL,
        seq bigint NOT NULL DEFAULT nextval('registration_seq'),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        cancelled_at timestamptz,
        attended_at timestamptz,
        CONSTRAINT registrations_one_per_person UNIQUE (event_id, openid)
      );
      CREATE INDEX registrations_event_status_idx ON registrations (event_id, status, seq);
      CREATE INDEX registrations_openid_idx ON registrations (openid, created_at DESC);
      CREATE TABLE meta (
        key text PRIMARY KEY,
        value text NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'membership intents, member reports, audit log, outbox',
    sql: `
      CREATE TABLE party_orgs (
        id text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('standalone', 'joint'))
      );
      CREATE TABLE followups (
        id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('intent', 'report')),
        openid text REFERENCES users(openid),
        status text NOT NULL,
        name text,
        phone text,
        gender text,
        birth_month text,
        occupation text,
        employer text,
        political_status text,
        education text,
        statement text,
        home_org text,
        wish text,
        org_id text REFERENCES party_orgs(id),
        close_reason text,
        consent_at timestamptz NOT NULL,
        contacted_at timestamptz,
        withdrawn_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      -- one open record of each kind per person
      CREATE UNIQUE INDEX followups_one_open ON followups (kind, openid) WHERE status <> 'closed';
      CREATE INDEX followups_listing_idx ON followups (kind, status, created_at DESC, id);
      CREATE INDEX followups_listing_all_idx ON followups (kind, created_at DESC, id);
      CREATE TABLE followup_steps (
        id bigserial PRIMARY KEY,
        followup_id text NOT NULL REFERENCES followups(id),
        from_status text,
        to_status text NOT NULL,
        note text,
        reason text,
        actor text NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX followup_steps_idx ON followup_steps (followup_id, id);
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        actor text NOT NULL,
        action text NOT NULL,
        record_type text NOT NULL,
        record_id text NOT NULL,
        detail text,
        at timestamptz NOT NULL
      );
      CREATE INDEX audit_log_record_idx ON audit_log (record_type, record_id, id);
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        openid text NOT NULL,
        template text NOT NULL,
        data text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        sent_at timestamptz
      );
      CREATE INDEX outbox_pending_idx ON outbox (status, id);
      INSERT INTO party_orgs (id, name, kind) VALUES
        ('org-joint-sheshan', '佘山镇“两新”组织联合党支部', 'joint'),
        ('org-joint-park', '佘山镇产业园区联合党支部', 'joint'),
        ('org-quanlan', '上海全澜科技有限公司党支部', 'standalone'),
        ('org-jiechi', '上海洁驰清洁设备有限公司党支部', 'standalone'),
        ('org-nengfu', '上海能伏智能电气有限公司党支部', 'standalone'),
        ('org-yongzi', '上海咏姿时装有限公司党支部', 'standalone'),
        ('org-qimao', '七猫党支部', 'standalone'),
        ('org-anyufeng', '安宇峰党支部', 'standalone')
    `,
  },
  {
    version: 3,
    name: '云招聘: enterprise claims, fair participation, jobs, applications, guidance',
    sql: `
      ALTER TABLE enterprises
        ADD COLUMN industry text,
        ADD COLUMN size text,
        ADD COLUMN address text,
        ADD COLUMN contact_name text,
        ADD COLUMN contact_phone text,
        ADD COLUMN intro text,
        ADD COLUMN logo_mime text,
        ADD COLUMN logo_data text,
        ADD COLUMN verified boolean NOT NULL DEFAULT false,
        ADD COLUMN updated_at timestamptz;
      ALTER TABLE users ADD COLUMN resume text;
      CREATE TABLE enterprise_claims (
        id text PRIMARY KEY,
        enterprise_id text NOT NULL REFERENCES enterprises(id),
        openid text NOT NULL REFERENCES users(openid),
        status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
        reason text,
        created_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by text
      );
      CREATE UNIQUE INDEX enterprise_claims_one_live ON enterprise_claims (openid) WHERE status <> 'rejected';
      CREATE INDEX enterprise_claims_status_idx ON enterprise_claims (status, created_at);
      CREATE TABLE fair_participations (
        id text PRIMARY KEY,
        event_id text NOT NULL REFERENCES events(id),
        enterprise_id text NOT NULL REFERENCES enterprises(id),
        status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
        reason text,
        created_at timestamptz NOT NULL,
        decided_at timestamptz,
        CONSTRAINT fair_participations_once UNIQUE (event_id, enterprise_id)
      );
      CREATE TABLE jobs (
        id text PRIMARY KEY,
        enterprise_id text NOT NULL REFERENCES enterprises(id),
        event_id text REFERENCES events(id),
        title text NOT NULL,
        category text NOT NULL,
        salary_min integer,
        salary_max integer,
        headcount integer NOT NULL CHECK (headcount > 0),
        district text NOT NULL,
        place text NOT NULL,
        requirements text NOT NULL DEFAULT '',
        benefits text[] NOT NULL DEFAULT ARRAY[]::text[],
        status text NOT NULL CHECK (status IN ('open', 'closed')),
        search_terms text[] NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX jobs_search_terms_idx ON jobs USING gin (search_terms);
      CREATE INDEX jobs_open_listing_idx ON jobs (status, created_at DESC, id DESC);
      CREATE INDEX jobs_event_idx ON jobs (event_id, status);
      CREATE INDEX jobs_enterprise_idx ON jobs (enterprise_id, created_at DESC);
      CREATE TABLE applications (
        id text PRIMARY KEY,
        job_id text NOT NULL REFERENCES jobs(id),
        openid text NOT NULL REFERENCES users(openid),
        status text NOT NULL CHECK (status IN ('submitted', 'viewed', 'interview', 'hired', 'rejected', 'withdrawn')),
        name text NOT NULL,
        phone text NOT NULL,
        age integer NOT NULL,
        experience text,
        wanted_job text,
        note text,
        interview_at timestamptz,
        interview_place text,
        interview_note text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT applications_once UNIQUE (job_id, openid)
      );
      CREATE INDEX applications_openid_idx ON applications (openid, created_at DESC);
      CREATE TABLE guidance_requests (
        id text PRIMARY KEY,
        openid text NOT NULL REFERENCES users(openid),
        topic text NOT NULL,
        preferred_times text NOT NULL,
        phone text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'answered')),
        answer text,
        answered_by text,
        created_at timestamptz NOT NULL,
        answered_at timestamptz
      );
      CREATE INDEX guidance_requests_status_idx ON guidance_requests (status, created_at);
      CREATE INDEX guidance_requests_openid_idx ON guidance_requests (openid, created_at DESC)
    `,
  },
  {
    version: 4,
    name: 'jobs.search: newest-first open jobs per category and per district',
    // With a filter the keyword does not go with (缝纫 among 司机驾驶 jobs), walking all open jobs newest first found
    // nothing for 45,000 rows (140 ms on PGlite at 50,000 jobs); these walk only the filtered category or district.
    sql: `
      CREATE INDEX jobs_open_category_idx ON jobs (category, created_at DESC, id DESC) WHERE status = 'open';
      CREATE INDEX jobs_open_district_idx ON jobs (district, created_at DESC, id DESC) WHERE status = 'open'
    `,
  },
  {
    version: 5,
    name: '云招聘: claims keep what the claimant typed; rejection reasons, re-asked fairs, answers by whom',
    // A claim used to name its enterprise by creating it, so a rejected claim's false name stayed on the enterprise
    // and became the name of whoever claimed the code next. A claim now carries its own name and code (copied here
    // from the enterprise it pointed to) and points to an enterprise only once approved into it.
    sql: `
      ALTER TABLE enterprise_claims
        ADD COLUMN name text,
        ADD COLUMN uscc text,
        ADD COLUMN claimant_name text,
        ADD COLUMN claimant_phone text,
        ALTER COLUMN enterprise_id DROP NOT NULL;
      UPDATE enterprise_claims c SET name = e.name, uscc = COALESCE(e.uscc, '') FROM enterprises e WHERE e.id = c.enterprise_id;
      UPDATE enterprise_claims SET enterprise_id = NULL WHERE status <> 'approved';
      ALTER TABLE enterprise_claims ALTER COLUMN name SET NOT NULL, ALTER COLUMN uscc SET NOT NULL;
      CREATE INDEX enterprise_claims_openid_idx ON enterprise_claims (openid, created_at DESC);
      ALTER TABLE fair_participations ADD COLUMN note text, ADD COLUMN decided_by text;
      ALTER TABLE applications ADD COLUMN reason text
    `,
  },
];

export async function migrate(db: SqlDb): Promise<number[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      // Two gateways starting on one PostgreSQL take turns here.
      await tx.query('SELECT pg_advisory_xact_lock(4242)');
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (rows.length) return false;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}

/** Migrations hold plain DDL: no semicolons inside strings or bodies, so a split on ';' is exact. */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((s) => s.replace(/--[^\n]*/g, '').trim())
    .filter(Boolean);
}
