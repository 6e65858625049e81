import { z } from 'zod';
import { OPENID_MESSAGE, OPENID_PATTERN } from './plain/contact';
import type { Resume } from './recruitment';

export const ROLES = ['worker', 'hr', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles an admin may grant or revoke. */
export const GRANTABLE_ROLES = ['staff', 'admin'] as const;
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export const OpenId = z.string().regex(OPENID_PATTERN, OPENID_MESSAGE);

export interface EnterpriseRef {
  id: string;
  name: string;
}

export interface Profile {
  /** Last contact used for a sign-up, to prefill the next one. */
  name: string | null;
  phone: string | null;
  enterprise: EnterpriseRef | null;
  /** The résumé of the last job application, to prefill the next one. */
  resume: Resume | null;
}

export interface Me {
  openid: string;
  roles: Role[];
  profile: Profile;
}

export interface UserSummary {
  openid: string;
  roles: Role[];
  name: string | null;
  /** Masked (138****0011): enough to tell two people of one name apart. */
  phone: string | null;
  createdAt: string;
}

export const DemoLoginInput = z.object({ openid: OpenId }).strict();
export const RoleChangeInput = z.object({ openid: OpenId, role: z.enum(GRANTABLE_ROLES, { message: '只能授予工作人员或管理员角色' }) }).strict();
export const UsersListInput = z.object({ role: z.enum(GRANTABLE_ROLES).optional() }).strict();
/** 角色管理 finds a person by the full name or the 11-digit phone they gave the app. */
export const UsersSearchInput = z
  .object({ q: z.string().trim().min(2, '请输入完整的姓名或手机号').max(20, '姓名或手机号最多 20 个字') })
  .strict();

export interface DemoLoginOutput {
  token: string;
  user: { openid: string; roles: Role[] };
}
