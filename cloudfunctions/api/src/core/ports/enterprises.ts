/** Enterprises, their claims by HR contacts, and their participation in fairs. */

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
  logo: { mime: string; data: string } | null;
  verified: boolean;
}

export type EnterprisePatch = Partial<Omit<EnterpriseRecord, 'id' | 'uscc'>>;

export interface ClaimRecord {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  openid: string;
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
  createdAt: string;
}

export interface ParticipationRecord {
  id: string;
  eventId: string;
  enterpriseId: string;
  enterpriseName: string;
  status: 'pending' | 'approved' | 'rejected';
  createdAt: string;
}

export interface EnterprisesRepo {
  get(id: string): Promise<EnterpriseRecord | null>;
  findByUscc(uscc: string): Promise<EnterpriseRecord | null>;
  /** Inserts an unverified enterprise unless one with this code exists; returns whichever is stored. */
  ensure(record: EnterpriseRecord, now: string): Promise<EnterpriseRecord>;
  update(id: string, patch: EnterprisePatch, now: string): Promise<EnterpriseRecord>;
  /** Fails with 'already-live' when the person has a pending or approved claim. */
  insertClaim(claim: Omit<ClaimRecord, 'enterpriseName' | 'uscc'>): Promise<'created' | 'already-live'>;
  getClaim(id: string): Promise<ClaimRecord | null>;
  liveClaimOf(openid: string): Promise<ClaimRecord | null>;
  listClaims(status?: string): Promise<ClaimRecord[]>;
  /** One transaction: the claim's decision and, when approved, the enterprise verified, the person bound and made HR. */
  decideClaim(id: string, approve: boolean, reason: string | null, by: string, now: string): Promise<ClaimRecord>;
  /** Returns the existing participation when the enterprise already asked to join this fair. */
  joinFair(p: Omit<ParticipationRecord, 'enterpriseName'>): Promise<ParticipationRecord>;
  getParticipation(id: string): Promise<ParticipationRecord | null>;
  participation(eventId: string, enterpriseId: string): Promise<ParticipationRecord | null>;
  listParticipations(q: { eventId?: string; status?: string }): Promise<ParticipationRecord[]>;
  decideParticipation(id: string, approve: boolean, reason: string | null, now: string): Promise<ParticipationRecord>;
}

