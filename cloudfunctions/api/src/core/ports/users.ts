/** People: identity, roles and what they let the app remember. */
import type { Contact } from '@shared/registrations';
import type { Role } from '@shared/users';
import type { AuditDraft } from './change';

export interface UserRecord {
  openid: string;
  roles: Role[];
  name: string | null;
  phone: string | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
  resume: unknown;
  createdAt: string;
}

export interface UsersRepo {
  /** Returns the user, creating a plain worker on first sight. */
  ensure(openid: string, now: string): Promise<UserRecord>;
  get(openid: string): Promise<UserRecord | null>;
  setRoles(openid: string, roles: Role[], now: string): Promise<UserRecord>;
  /** Adds one role in one atomic write, so a concurrent change to the same person is not lost, with its audit entry. */
  addRole(openid: string, role: Role, now: string, audit: AuditDraft): Promise<UserRecord>;
  /** Removes one role atomically with its audit entry; never the last admin, even when two admins revoke each other at once. */
  removeRole(openid: string, role: Role, now: string, audit: AuditDraft): Promise<UserRecord | 'last-admin'>;
  saveContact(openid: string, contact: Contact, now: string): Promise<void>;
  /** Keeps the last résumé (JSON) to prefill the next application. */
  saveResume(openid: string, resume: unknown, now: string): Promise<void>;
  listByRole(role: Role): Promise<UserRecord[]>;
  /** People whose name or phone is exactly `q` (at most `limit`), oldest first. */
  findByNameOrPhone(q: string, limit: number): Promise<UserRecord[]>;
  /** Binds an HR contact to an enterprise, creating the enterprise if it is new (demo seeding; claims come later). */
  bindEnterprise(openid: string, enterprise: { id: string; name: string }, now: string): Promise<void>;
  countByRole(role: Role): Promise<number>;
}
