/** Enterprises, their claims by HR contacts, and their participation in fairs. */
import type { AuditDraft, Guard } from './change';

export interface EnterpriseRecord {
  id: string;
  name: string;
  uscc: string | null;
  industry: string | null;
  size: string | null;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  intro: string | null;
  /** The address of the stored logo image (ports/files.ts), never the image itself. */
  logo: { url: string } | null;
  verified: boolean;
}

export type EnterprisePatch = Partial<Omit<EnterpriseRecord, 'id' | 'uscc'>>;

/** A claim carries what its claimant typed; it touches no enterprise until staff approve it. */
export interface ClaimRecord {
  id: string;
  /** Set when approved: the enterprise holding the claim's USCC. */
  enterpriseId: string | null;
  enterpriseName: string;
  uscc: string;
  claimantName: string | null;
  claimantPhone: string | null;
  openid: string;
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
  createdAt: string;
}

/** What a claim decision reads: the claim, and the enterprise already holding its USCC (null when there is none). */
export interface ClaimState {
  claim: ClaimRecord;
  enterprise: EnterpriseRecord | null;
}

/** A decision on a claim, with the effects of an approval spelled out for the adapter to apply. */
export interface ClaimDecision {
  status: 'approved' | 'rejected';
  reason: string | null;
  decidedBy: string;
  /**
   * On approval: the enterprise holding `uscc` (created as `newEnterpriseId` when there is none, or when another
   * approval created it meanwhile, that one) is verified, named `name` when given, and the claimant bound to it as HR.
   */
  approval: { newEnterpriseId: string; uscc: string; name: string | null; openid: string } | null;
}

export interface ParticipationRecord {
  id: string;
  eventId: string;
  enterpriseId: string;
  enterpriseName: string;
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
  note: string | null;
  createdAt: string;
}

export type ParticipationPatch = Partial<Pick<ParticipationRecord, 'status' | 'reason' | 'note'>> & { decidedBy?: string };

export interface EnterprisesRepo {
  get(id: string): Promise<EnterpriseRecord | null>;
  findByUscc(uscc: string): Promise<EnterpriseRecord | null>;
  /** Inserts an unverified enterprise unless one with this code exists; returns whichever is stored. */
  ensure(record: EnterpriseRecord, now: string): Promise<EnterpriseRecord>;
  /** Writes the patch and, when given, its audit entry, in one transaction. */
  update(id: string, patch: EnterprisePatch, now: string, audit?: AuditDraft): Promise<EnterpriseRecord>;
  /** Fails with 'already-live' when the person has a pending or approved claim. */
  insertClaim(claim: Omit<ClaimRecord, 'enterpriseId'>): Promise<'created' | 'already-live'>;
  getClaim(id: string): Promise<ClaimRecord | null>;
  liveClaimOf(openid: string): Promise<ClaimRecord | null>;
  listClaims(status?: string): Promise<ClaimRecord[]>;
  /**
   * One transaction: lock the claim and the enterprise holding its USCC, run `guard`, write the decision and, on
   * approval, its effects (enterprise verified, claimant bound and made HR), the audit entry and the notification.
   */
  decideClaim(id: string, now: string, guard: Guard<ClaimState, ClaimDecision>): Promise<ClaimRecord>;
  /** Returns the existing participation, unchanged, when the enterprise already asked to join this fair. */
  joinFair(p: Omit<ParticipationRecord, 'enterpriseName' | 'reason' | 'note'>): Promise<ParticipationRecord>;
  getParticipation(id: string): Promise<ParticipationRecord | null>;
  participation(eventId: string, enterpriseId: string): Promise<ParticipationRecord | null>;
  listParticipations(q: { eventId?: string; status?: string }): Promise<ParticipationRecord[]>;
  /** One transaction: lock the participation, run `guard`, write the patch, the audit entry and the notification. */
  changeParticipation(id: string, now: string, guard: Guard<ParticipationRecord, ParticipationPatch>): Promise<ParticipationRecord>;
}
