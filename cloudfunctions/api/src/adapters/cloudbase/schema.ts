/**
 * The CloudBase database, declared in one place: its collections, their indexes and their security rule, and the
 * idempotent `setupDatabase` an admin runs once (action `system.setup` of the api cloud function).
 *
 * What setup can apply and what it cannot: wx-server-sdk (4.0.2) can create collections and write documents, so setup
 * creates every missing collection and seeds the party organisations. The SDK has no call for indexes or security rules
 * (they are console / management-API settings), so setup returns them as a checklist and the README's deploy guide walks
 * the operator through the console. Correctness does not wait on them: uniqueness that matters is kept by document ids
 * and transactions (see the repositories); the unique index on registrations is a second line of defence, the other
 * indexes are for speed.
 */
import { SEED_DEPARTMENTS } from '@shared/needs';
import type { CloudDb } from './db';

/** Security rule of every collection: no client may read or write it; everything goes through the cloud functions. */
export const SECURITY_RULE = { read: false, write: false } as const;

export interface IndexSpec {
  name: string;
  fields: [field: string, order: 'asc' | 'desc'][];
  unique?: boolean;
}

export interface CollectionSpec {
  name: string;
  /** Why it exists and what its `_id` is. */
  about: string;
  indexes: IndexSpec[];
}

export const COLLECTIONS: CollectionSpec[] = [
  {
    name: 'users',
    about: '_id = openid; roles, contact, enterprise, last résumé',
    indexes: [{ name: 'roles_createdAt', fields: [['roles', 'asc'], ['createdAt', 'asc']] }],
  },
  {
    name: 'enterprises',
    about: '_id = enterprise id; uscc unique through unique_keys; logo: { url } of an image in cloud storage (older documents may hold it inline: read with a projection elsewhere)',
    indexes: [
      { name: 'uscc', fields: [['uscc', 'asc']] },
      { name: 'verified', fields: [['verified', 'asc']] },
    ],
  },
  {
    name: 'enterprise_claims',
    about:
      '_id = claim id; name, uscc, claimantName, claimantPhone as the claimant typed them; enterpriseId set once approved; ' +
      'one live (pending or approved) claim per person through unique_keys',
    indexes: [
      { name: 'openid_createdAt', fields: [['openid', 'asc'], ['createdAt', 'desc']] },
      { name: 'status_createdAt', fields: [['status', 'asc'], ['createdAt', 'asc']] },
    ],
  },
  {
    name: 'fair_participations',
    about: '_id = participation id; one per (eventId, enterpriseId) through unique_keys; reason of a rejection, note of a re-request',
    indexes: [
      { name: 'eventId_enterpriseId', fields: [['eventId', 'asc'], ['enterpriseId', 'asc']] },
      { name: 'status_createdAt', fields: [['status', 'asc'], ['createdAt', 'asc']] },
    ],
  },
  {
    name: 'jobs',
    about: '_id = job id; searchTerms = characters and character pairs of its texts',
    indexes: [
      { name: 'status_createdAt', fields: [['status', 'asc'], ['createdAt', 'desc'], ['_id', 'desc']] },
      // As SQL migration 4: a filtered search walks only its category or district, newest first.
      { name: 'status_category_createdAt', fields: [['status', 'asc'], ['category', 'asc'], ['createdAt', 'desc'], ['_id', 'desc']] },
      { name: 'status_district_createdAt', fields: [['status', 'asc'], ['district', 'asc'], ['createdAt', 'desc'], ['_id', 'desc']] },
      { name: 'searchTerms', fields: [['searchTerms', 'asc']] },
      { name: 'eventId_status', fields: [['eventId', 'asc'], ['status', 'asc']] },
      { name: 'enterpriseId_createdAt', fields: [['enterpriseId', 'asc'], ['createdAt', 'desc']] },
    ],
  },
  {
    name: 'notices',
    about: '_id = notice id; 送政策 notices and policies; body = blocks; searchTerms as for jobs; eventIds = linked events',
    indexes: [
      { name: 'status_createdAt', fields: [['status', 'asc'], ['createdAt', 'desc'], ['_id', 'desc']] },
      { name: 'status_category_createdAt', fields: [['status', 'asc'], ['category', 'asc'], ['createdAt', 'desc'], ['_id', 'desc']] },
      { name: 'searchTerms', fields: [['searchTerms', 'asc']] },
      { name: 'eventIds_status', fields: [['eventIds', 'asc'], ['status', 'asc']] },
    ],
  },
  {
    name: 'applications',
    about: '_id = application id; one per (jobId, openid) through unique_keys',
    indexes: [
      { name: 'jobId_createdAt', fields: [['jobId', 'asc'], ['createdAt', 'asc']] },
      { name: 'openid_createdAt', fields: [['openid', 'asc'], ['createdAt', 'desc']] },
    ],
  },
  {
    name: 'guidance_requests',
    about: '_id = request id; 就业指导 appointments',
    indexes: [
      { name: 'status_createdAt', fields: [['status', 'asc'], ['createdAt', 'asc']] },
      { name: 'openid_createdAt', fields: [['openid', 'asc'], ['createdAt', 'desc']] },
    ],
  },
  {
    name: 'events',
    about: '_id = event id; confirmedCount / waitlistCount / seqCounter kept in the same document as the capacity',
    indexes: [
      { name: 'status_startAt', fields: [['status', 'asc'], ['startAt', 'asc'], ['_id', 'asc']] },
      { name: 'type_status_startAt', fields: [['type', 'asc'], ['status', 'asc'], ['startAt', 'asc'], ['_id', 'asc']] },
    ],
  },
  {
    name: 'registrations',
    about:
      '_id = registration id; one per (eventId, openid) through unique_keys; a sign-up is first a `pending` request, seated in arrival order by a batch (status `refused` when the rules turned it away; neither is ever shown); seq = order of seating within the event; ticketCode unique within the event through unique_keys',
    indexes: [
      { name: 'eventId_openid', fields: [['eventId', 'asc'], ['openid', 'asc']], unique: true },
      { name: 'eventId_status_seq', fields: [['eventId', 'asc'], ['status', 'asc'], ['seq', 'asc']] },
      // The batch that seats sign-ups reads the event's pending requests in arrival order.
      { name: 'eventId_status_arrival', fields: [['eventId', 'asc'], ['status', 'asc'], ['arrival', 'asc']] },
      { name: 'openid_createdAt', fields: [['openid', 'asc'], ['createdAt', 'desc']] },
      // A scanned ticket code is looked up on every event, to tell a code of another event from a forged one.
      { name: 'ticketCode', fields: [['ticketCode', 'asc']] },
    ],
  },
  {
    name: 'checkin_tokens',
    about: '_id = event id; the random token of its self check-in code, issued once',
    indexes: [],
  },
  {
    name: 'followups',
    about: '_id = record id; 入党意向 and 党员报到',
    indexes: [
      { name: 'kind_status_createdAt', fields: [['kind', 'asc'], ['status', 'asc'], ['createdAt', 'desc'], ['_id', 'desc']] },
      { name: 'kind_createdAt', fields: [['kind', 'asc'], ['createdAt', 'desc'], ['_id', 'desc']] },
      { name: 'kind_openid', fields: [['kind', 'asc'], ['openid', 'asc']] },
    ],
  },
  {
    name: 'unique_keys',
    about:
      '_id = "<what>:<value>" → { ref }: the document that makes a value unique (a USCC, a live claim, an enterprise at a fair, ' +
      'an application to a job, an open follow-up, a queued reminder); claimed inside the writing transaction',
    indexes: [],
  },
  {
    name: 'followup_steps',
    about: '_id = "<record id>:<n>"; the timeline, in order n',
    indexes: [{ name: 'followupId_n', fields: [['followupId', 'asc'], ['n', 'asc']] }],
  },
  {
    name: 'audit_log',
    about: 'append-only; ordinal orders entries of one record',
    indexes: [{ name: 'record_ordinal', fields: [['recordType', 'asc'], ['recordId', 'asc'], ['ordinal', 'asc']] }],
  },
  {
    name: 'outbox',
    about: '_id = String(seq); subscription messages, delivered by the reminders function',
    indexes: [
      { name: 'status_seq', fields: [['status', 'asc'], ['seq', 'asc']] },
      { name: 'openid_seq', fields: [['openid', 'asc'], ['seq', 'desc']] },
    ],
  },
  {
    name: 'needs',
    about: '_id = need id; 企业诉求, dueAt fixed when raised (working days per category)',
    indexes: [
      { name: 'createdAt', fields: [['createdAt', 'desc'], ['_id', 'desc']] },
      { name: 'status_createdAt', fields: [['status', 'asc'], ['createdAt', 'desc'], ['_id', 'desc']] },
      { name: 'category_createdAt', fields: [['category', 'asc'], ['createdAt', 'desc'], ['_id', 'desc']] },
      { name: 'status_dueAt', fields: [['status', 'asc'], ['dueAt', 'asc']] },
      { name: 'orgId_createdAt', fields: [['orgId', 'asc'], ['createdAt', 'desc']] },
      { name: 'authorOpenid_createdAt', fields: [['authorOpenid', 'asc'], ['createdAt', 'desc']] },
    ],
  },
  { name: 'need_departments', about: '_id = department name (unique by construction); seeded by setup', indexes: [] },
  { name: 'stations', about: '_id = station id; 党群服务站, GCJ-02 lat/lng', indexes: [{ name: 'name', fields: [['name', 'asc'], ['_id', 'asc']] }] },
  // 两新 census (SQL migration 9): census fields live on `enterprises` documents (orgKind, orgStatus, coverage, gridId, …).
  {
    name: 'org_changes',
    about: '_id = random; census history of one organisation: field, before, after (stored values as text), source, actor, at',
    indexes: [{ name: 'orgId_ordinal', fields: [['orgId', 'asc'], ['ordinal', 'asc']] }],
  },
  {
    name: 'org_visits',
    about: '_id = visit id; 走访: orgId, visitedOn (YYYY-MM-DD Shanghai), visitor, findings, problems [{ category, text }]',
    indexes: [
      { name: 'orgId_visitedOn', fields: [['orgId', 'asc'], ['visitedOn', 'desc'], ['createdAt', 'desc']] },
      { name: 'visitedOn', fields: [['visitedOn', 'desc'], ['createdAt', 'desc']] },
    ],
  },
  { name: 'org_import_previews', about: '_id = preview id; the parsed sheet (rows as JSON text) until expiresAt', indexes: [] },
  { name: 'grids', about: '_id = grid id; 党建网格, seeded by setup (as SQL migration 9)', indexes: [] },
  {
    name: 'sessions',
    about: '_id = session id; gateway sign-ins (self-hosted only: the cloud function signs nobody in), kept so a port is whole',
    indexes: [{ name: 'openid_lastSeenAt', fields: [['openid', 'asc'], ['lastSeenAt', 'desc']] }],
  },
  { name: 'login_tickets', about: '_id = ticket id; scan-to-sign-in tickets of the desktop console (self-hosted only)', indexes: [] },
  { name: 'party_orgs', about: '_id = organisation id; seeded by setup', indexes: [] },
  { name: 'meta', about: 'locks (lock:admins) and the schema version', indexes: [] },
];

/** Bumped when COLLECTIONS or the seed change; setup records it in `meta/schema`. */
export const SCHEMA_VERSION = 1;

/** The same organisations SQL migration 2 seeds (the repository contract checks both adapters list the same). */
export const PARTY_ORGS: { id: string; name: string; kind: 'standalone' | 'joint' }[] = [
  { id: 'org-joint-sheshan', name: '佘山镇“两新”组织联合党支部', kind: 'joint' },
  { id: 'org-joint-park', name: '佘山镇产业园区联合党支部', kind: 'joint' },
  { id: 'org-quanlan', name: '上海全澜科技有限公司党支部', kind: 'standalone' },
  { id: 'org-jiechi', name: '上海洁驰清洁设备有限公司党支部', kind: 'standalone' },
  { id: 'org-nengfu', name: '上海能伏智能电气有限公司党支部', kind: 'standalone' },
  { id: 'org-yongzi', name: '上海咏姿时装有限公司党支部', kind: 'standalone' },
  { id: 'org-qimao', name: '七猫党支部', kind: 'standalone' },
  { id: 'org-anyufeng', name: '安宇峰党支部', kind: 'standalone' },
];

/** The 党建网格 SQL migration 9 seeds (same ids and names). */
export const GRIDS: { id: string; name: string; sort: number }[] = [
  { id: 'grid-town', name: '佘山镇区网格', sort: 1 },
  { id: 'grid-industrial', name: '佘山工业区网格', sort: 2 },
  { id: 'grid-tianma', name: '天马片区网格', sort: 3 },
  { id: 'grid-hengshan', name: '横山村网格', sort: 4 },
  { id: 'grid-luqibang', name: '陆其浜村网格', sort: 5 },
  { id: 'grid-jiangqiu', name: '江秋村网格', sort: 6 },
  { id: 'grid-beiganshan', name: '北干山村网格', sort: 7 },
  { id: 'grid-zhangpu', name: '张朴村网格', sort: 8 },
  { id: 'grid-xinzhai', name: '新宅村网格', sort: 9 },
];

export interface SetupReport {
  schemaVersion: number;
  created: string[];
  existing: string[];
  partyOrgs: number;
  /** What the SDK cannot apply: set these in the CloudBase console (README, "Deploy to WeChat"). */
  console: {
    securityRule: typeof SECURITY_RULE;
    collections: string[];
    indexes: { collection: string; name: string; fields: string; unique: boolean }[];
  };
}

/** Idempotent: creates what is missing, rewrites the seed documents, changes nothing else. */
export async function setupDatabase(db: CloudDb, now: string): Promise<SetupReport> {
  const created: string[] = [];
  const existing: string[] = [];
  for (const c of COLLECTIONS) (await ensureCollection(db, c.name)) ? created.push(c.name) : existing.push(c.name);
  // The departments needs are assigned to, as SQL migration 10 seeds them — once: staff's renames and additions stay.
  if ((await db.collection('need_departments').count()).total === 0) {
    for (const [i, name] of SEED_DEPARTMENTS.entries()) {
      await db.collection('need_departments').doc(name).set({ data: { createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) } });
    }
  }
  for (const org of PARTY_ORGS) {
    await db.collection('party_orgs').doc(org.id).set({ data: { name: org.name, kind: org.kind } });
  }
  for (const grid of GRIDS) {
    await db.collection('grids').doc(grid.id).set({ data: { name: grid.name, sort: grid.sort } });
  }
  await db.collection('meta').doc('schema').set({ data: { version: SCHEMA_VERSION, appliedAt: new Date(now) } });
  return {
    schemaVersion: SCHEMA_VERSION,
    created,
    existing,
    partyOrgs: PARTY_ORGS.length,
    console: {
      securityRule: SECURITY_RULE,
      collections: COLLECTIONS.map((c) => c.name),
      indexes: COLLECTIONS.flatMap((c) =>
        c.indexes.map((i) => ({
          collection: c.name,
          name: i.name,
          fields: i.fields.map(([f, o]) => `${f} ${o === 'asc' ? '升序' : '降序'}`).join(', '),
          unique: !!i.unique,
        })),
      ),
    },
  };
}

/**
 * Creates the collection; true when it was created. The service's "already exists" answer is not documented, so any
 * failure is followed by a read: if the collection answers, it exists and setup goes on; if not, the failure is real.
 */
async function ensureCollection(db: CloudDb, name: string): Promise<boolean> {
  try {
    await db.createCollection(name);
    return true;
  } catch (err) {
    try {
      await db.collection(name).limit(1).get();
    } catch {
      throw err;
    }
    return false;
  }
}
