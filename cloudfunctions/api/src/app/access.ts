/** What each access level of the contract admits, read by dispatch before it looks at the payload. */
import type { Access } from '@shared/contract';
import { isAdmin, isApprovedHr, isStaff } from '../core/context';
import type { UserRecord } from '../core/ports';

const RULES: Record<Access, (user: UserRecord) => boolean> = {
  public: () => true,
  user: () => true,
  owner: () => true,
  hr: isApprovedHr,
  hrOrStaff: (user) => isApprovedHr(user) || isStaff(user),
  staff: isStaff,
  admin: isAdmin,
};

export const admits = (access: Access, user: UserRecord): boolean => RULES[access](user);

/** Why a logged-in caller is refused, in words fit to show them. */
export const FORBIDDEN_MESSAGES: Record<Access, string> = {
  public: '没有权限进行此操作',
  user: '没有权限进行此操作',
  owner: '只能操作自己的记录',
  hr: '仅已通过认证的企业人事负责人可以进行此操作',
  hrOrStaff: '仅企业人事负责人或工作人员可以进行此操作',
  staff: '仅工作人员可以进行此操作',
  admin: '仅管理员可以进行此操作',
};
