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
  {
    version: 9,
    name: '两新 census: organisation fields on enterprises, 党建网格, change history, visits (走访), import previews',
    // The census register IS the enterprises table: a 云招聘 claim and a census record are one row (matched by USCC).
    // Calendar dates (status changed, branch founded, visited) are Shanghai dates in \`date\` columns; read them as ::text.
    sql: `
      CREATE TABLE grids (
        id text PRIMARY KEY,
        name text NOT NULL UNIQUE,
        sort integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO grids (id, name, sort) VALUES
        ('grid-town', '佘山镇区网格', 1),
        ('grid-industrial', '佘山工业区网格', 2),
        ('grid-tianma', '天马片区网格', 3),
        ('grid-hengshan', '横山村网格', 4),
        ('grid-luqibang', '陆其浜村网格', 5),
        ('grid-jiangqiu', '江秋村网格', 6),
        ('grid-beiganshan', '北干山村网格', 7),
        ('grid-zhangpu', '张朴村网格', 8),
        ('grid-xinzhai', '新宅村网格', 9);
      ALTER TABLE enterprises
        ADD COLUMN org_kind text NOT NULL DEFAULT 'economic' CHECK (org_kind IN ('economic', 'social')),
        ADD COLUMN uscc_missing_reason text,
        ADD COLUMN grid_id text REFERENCES grids(id),
        ADD COLUMN employees integer CHECK (employees >= 0),
        ADD COLUMN party_members integer CHECK (party_members >= 0),
        ADD COLUMN org_status text NOT NULL DEFAULT 'active' CHECK (org_status IN ('active', 'removed', 'moved_out')),
        ADD COLUMN status_changed_on date,
        ADD COLUMN coverage text NOT NULL DEFAULT 'none' CHECK (coverage IN ('standalone', 'joint', 'none')),
        ADD COLUMN branch_name text,
        ADD COLUMN branch_founded_on date,
        ADD COLUMN joint_org_id text REFERENCES party_orgs(id),
        ADD COLUMN instructor_openid text REFERENCES users(openid),
        ADD COLUMN instructor_name text,
        ADD COLUMN last_visit_on date,
        ADD CONSTRAINT enterprises_joint_named CHECK (coverage <> 'joint' OR joint_org_id IS NOT NULL),
        ADD CONSTRAINT enterprises_branch_named CHECK (coverage <> 'standalone' OR branch_name IS NOT NULL);
      CREATE INDEX enterprises_census_idx ON enterprises (org_status, org_kind, created_at DESC, id DESC);
      CREATE INDEX enterprises_grid_idx ON enterprises (grid_id, created_at DESC, id DESC);
      CREATE INDEX enterprises_coverage_idx ON enterprises (coverage, org_status);
      CREATE TABLE org_changes (
        id bigserial PRIMARY KEY,
        org_id text NOT NULL REFERENCES enterprises(id),
        field text NOT NULL,
        before text,
        after text,
        source text NOT NULL CHECK (source IN ('create', 'update', 'import', 'visit')),
        actor text NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX org_changes_org_idx ON org_changes (org_id, id);
      CREATE INDEX org_changes_field_at_idx ON org_changes (field, at);
      CREATE TABLE org_visits (
        id text PRIMARY KEY,
        org_id text NOT NULL REFERENCES enterprises(id),
        visited_on date NOT NULL,
        visitor_openid text REFERENCES users(openid),
        visitor_name text NOT NULL,
        findings text NOT NULL,
        problems jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX org_visits_org_idx ON org_visits (org_id, visited_on DESC, id DESC);
      CREATE INDEX org_visits_date_idx ON org_visits (visited_on, id);
      CREATE TABLE org_import_previews (
        id text PRIMARY KEY,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        rows jsonb NOT NULL,
        applied_at timestamptz,
        applied_by text
      );
      CREATE INDEX org_import_previews_expiry_idx ON org_import_previews (expires_at)
    `,
  },
  {
    version: 7,
    name: 'event day: ticket codes on registrations, self check-in tokens per event',
    // A ticket code is unique within its event (the scanner names the event); the plain index finds a code typed at
    // the wrong event, to say so. The token is random and kept, so it cannot be derived from the event id.
    sql: `
      ALTER TABLE registrations ADD COLUMN ticket_code text;
      CREATE UNIQUE INDEX registrations_ticket_code_idx ON registrations (event_id, ticket_code);
      CREATE INDEX registrations_ticket_code_any_event_idx ON registrations (ticket_code) WHERE ticket_code IS NOT NULL;
      CREATE TABLE event_checkin_tokens (
        event_id text PRIMARY KEY REFERENCES events(id),
        token text NOT NULL,
        created_at timestamptz NOT NULL
      )
    `,
  },
  {
    version: 6,
    name: 'sign-up questions on events, answers on registrations',
    // Kept as documents: an event's questions are read and replaced whole, and answers are only ever read with their
    // registration (the staff list, the export), never searched.
    sql: `
      ALTER TABLE events ADD COLUMN questions jsonb NOT NULL DEFAULT '[]'::jsonb;
      ALTER TABLE registrations ADD COLUMN answers jsonb NOT NULL DEFAULT '{}'::jsonb
    `,
  },
  {
    version: 8,
    name: '送政策: notices and the policy library',
    // Body blocks as jsonb (checked by the contract before they get here); search terms as a text[] with a GIN index,
    // as for jobs; linked events as a text[] with a GIN index, so an event page finds its policies without a scan.
    sql: `
      CREATE TABLE notices (
        id text PRIMARY KEY,
        title text NOT NULL,
        category text NOT NULL CHECK (category IN ('employment', 'insurance', 'talent', 'enterprise', 'party', 'other')),
        summary text NOT NULL,
        body jsonb NOT NULL,
        issuer text NOT NULL,
        issued_on text NOT NULL CHECK (issued_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        attachment_url text CHECK (attachment_url IS NULL OR attachment_url LIKE 'https://%'),
        event_ids text[] NOT NULL DEFAULT ARRAY[]::text[],
        status text NOT NULL CHECK (status IN ('draft', 'published', 'withdrawn')),
        published_at timestamptz,
        search_terms text[] NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX notices_search_terms_idx ON notices USING gin (search_terms);
      CREATE INDEX notices_event_ids_idx ON notices USING gin (event_ids);
      CREATE INDEX notices_listing_idx ON notices (status, created_at DESC, id DESC);
      CREATE INDEX notices_category_listing_idx ON notices (status, category, created_at DESC, id DESC)
    `,
  },
  {
    version: 10,
    name: '企业诉求 (needs, departments) and 党群服务站 (stations)',
    // A need's due time is computed once, when it is raised (working days per category, src/shared/needs.ts), so
    // "overdue" is a range read on the partial index of open needs. Departments are referenced by name ON UPDATE
    // CASCADE: a rename carries every need with it. visit_id points at org_visits without a foreign key, so a need
    // outlives a visit record's correction. Stations keep GCJ-02 coordinates as WeChat's maps give them.
    sql: `
      CREATE TABLE need_departments (
        name text PRIMARY KEY,
        created_at timestamptz NOT NULL
      );
      INSERT INTO need_departments (name, created_at) VALUES
        ('发展公司', '2026-01-01T00:00:00Z'),
        ('经发办', '2026-01-01T00:00:01Z'),
        ('社区事务受理服务中心', '2026-01-01T00:00:02Z'),
        ('综合党委', '2026-01-01T00:00:03Z');
      CREATE TABLE needs (
        id text PRIMARY KEY,
        org_id text NOT NULL REFERENCES enterprises(id),
        visit_id text,
        category text NOT NULL CHECK (category IN ('recruitment', 'talent', 'policy', 'finance', 'space', 'business',
          'party', 'coverage_suggestion', 'other')),
        text text NOT NULL,
        attachment text CHECK (attachment IS NULL OR attachment LIKE 'https://%'),
        author_openid text NOT NULL,
        status text NOT NULL CHECK (status IN ('submitted', 'assigned', 'in_progress', 'closed')),
        department text REFERENCES need_departments(name) ON UPDATE CASCADE,
        reply text,
        rating text CHECK (rating IN ('satisfied', 'basically', 'unsatisfied')),
        rating_note text,
        rated_at timestamptz,
        created_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        closed_at timestamptz,
        CONSTRAINT needs_closed_when CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
        CONSTRAINT needs_rated_closed CHECK (rating IS NULL OR status = 'closed')
      );
      CREATE INDEX needs_listing_idx ON needs (created_at DESC, id DESC);
      CREATE INDEX needs_status_listing_idx ON needs (status, created_at DESC, id DESC);
      CREATE INDEX needs_category_listing_idx ON needs (category, created_at DESC, id DESC);
      CREATE INDEX needs_open_due_idx ON needs (due_at) WHERE status <> 'closed';
      CREATE INDEX needs_org_idx ON needs (org_id, created_at DESC);
      CREATE INDEX needs_author_idx ON needs (author_openid, created_at DESC);
      CREATE INDEX needs_visit_idx ON needs (visit_id) WHERE visit_id IS NOT NULL;
      CREATE TABLE stations (
        id text PRIMARY KEY,
        name text NOT NULL,
        host text NOT NULL,
        address text NOT NULL,
        lat double precision NOT NULL CHECK (lat BETWEEN 3.8 AND 53.6),
        lng double precision NOT NULL CHECK (lng BETWEEN 73.5 AND 135.1),
        hours text NOT NULL,
        services text[] NOT NULL DEFAULT ARRAY[]::text[],
        phone text,
        intro text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )
    `,
  },
  {
    version: 13,
    name: 'self-hosted sign-in: sessions (one row per signed-in device) and scan-to-sign-in tickets',
    // The gateway reads the session row on every call, by primary key, so revoking takes effect on the next call.
    // A ticket keeps only the hash of the asking browser's secret.
    sql: `
      CREATE TABLE sessions (
        id text PRIMARY KEY,
        openid text NOT NULL REFERENCES users(openid),
        via text NOT NULL CHECK (via IN ('wechat', 'qr', 'mp', 'demo')),
        device text NOT NULL,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_by text
      );
      CREATE INDEX sessions_openid_live_idx ON sessions (openid, last_seen_at DESC) WHERE revoked_at IS NULL;
      CREATE TABLE login_tickets (
        id text PRIMARY KEY,
        secret_hash text NOT NULL,
        device text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'scanned', 'confirmed', 'consumed')),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        scanned_by text,
        confirmed_by text,
        confirmed_at timestamptz,
        session_id text,
        CHECK (status NOT IN ('confirmed', 'consumed') OR confirmed_by IS NOT NULL)
      );
      CREATE INDEX login_tickets_expires_idx ON login_tickets (expires_at)
    `,
  },
  {
    version: 14,
    name: 'uploaded images in their own table (files); enterprises keep only the logo address',
    // A file is named by the SHA-256 of its bytes (hex), so the same image uploaded twice is one row and its address
    // never changes what it points at (GET /files/<id> may be cached for good). Logos kept inline before move here;
    // one whose base64 does not decode is left where it was and still shown (enterprises-repo.ts), never dropped.
    sql: `
      CREATE TABLE files (
        id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
        mime text NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
        bytes bytea NOT NULL,
        owner text NOT NULL,
        created_at timestamptz NOT NULL
      );
      ALTER TABLE enterprises ADD COLUMN logo_url text;
      CREATE TEMPORARY TABLE inline_logos ON COMMIT DROP AS
        SELECT id AS enterprise_id, logo_mime AS mime, decode(logo_data, 'base64') AS bytes,
          COALESCE(updated_at, created_at) AS at
        FROM enterprises
        WHERE logo_mime IN ('image/png', 'image/jpeg') AND length(logo_data) % 4 = 0 AND logo_data ~ '^[A-Za-z0-9+/]+={0,2}$';
      INSERT INTO files (id, mime, bytes, owner, created_at)
        SELECT DISTINCT ON (encode(sha256(bytes), 'hex')) encode(sha256(bytes), 'hex'), mime, bytes, 'system:migration-14', at
        FROM inline_logos ORDER BY encode(sha256(bytes), 'hex'), at
        ON CONFLICT (id) DO NOTHING;
      UPDATE enterprises e SET logo_url = '/files/' || encode(sha256(l.bytes), 'hex'), logo_mime = NULL, logo_data = NULL
        FROM inline_logos l WHERE l.enterprise_id = e.id
    `,
  },
  {
    version: 15,
    name: 'the keyword index holds open jobs only, with their category and district beside their words',
    // A keyword with a category it never goes with (缝纫 + driving) found nothing among the newest jobs and then walked
    // the category's 140,000 open jobs at a million, because the planner takes word and category as independent. With
    // both in one index the words and the category meet inside it. `category:` and `district:` tokens can never be a
    // keyword's term (terms are one or two characters, with punctuation removed). Closed jobs are never searched.
    // The expression must stay the one jobs-repo.ts searches with (INDEXED_TERMS). The new index is built before the
    // old one is dropped: while it is built searches go on (new jobs wait), and the drop holds the table for a moment.
    sql: `
      CREATE INDEX jobs_open_terms_idx ON jobs
        USING gin ((search_terms || ARRAY['category:' || category, 'district:' || district])) WHERE status = 'open';
      DROP INDEX jobs_search_terms_idx
    `,
  },
];

/** Applies every migration not applied yet; `upTo` stops after that version (upgrade tests start from an older schema). */
export async function migrate(db: SqlDb, options: { upTo?: number } = {}): Promise<number[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (options.upTo !== undefined && m.version > options.upTo) continue;
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
