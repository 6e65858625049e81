/** Enterprises are claimed by their HR contacts with name + 统一社会信用代码; staff approve before the contact acts for it. */
import type { Claim, Enterprise, MyEnterprise } from '@shared/recruitment';
import { caller, isStaff, type Ctx } from '../core/context';
import { DomainError, notFound } from '../core/errors';
import type { ClaimRecord, EnterprisePatch, EnterpriseRecord, UserRecord } from '../core/ports';
import { decideClaimRule } from './rules';

export function toEnterprise(e: EnterpriseRecord): Enterprise {
  return {
    id: e.id,
    name: e.name,
    uscc: e.uscc ?? '',
    industry: e.industry,
    size: e.size as Enterprise['size'],
    address: e.address,
    contactName: e.contactName,
    contactPhone: e.contactPhone,
    intro: e.intro,
    logo: e.logo,
    verified: e.verified,
  };
}

const toClaim = (c: ClaimRecord): Claim => ({ ...c });
const claimAlreadyLive = () => new DomainError('ALREADY_SUBMITTED', '您已提交过企业认领，请等待审核');

/** The enterprise an approved HR contact acts for; anyone else is refused. */
export function approvedEnterpriseOf(user: UserRecord): string {
  if (!user.enterpriseId || !user.roles.includes('hr')) {
    throw new DomainError('FORBIDDEN', '仅已通过认证的企业人事负责人可以进行此操作');
  }
  return user.enterpriseId;
}

/** A claim records what the claimant typed and nothing else: no enterprise is made or renamed until staff approve. */
export async function claimEnterprise(
  ctx: Ctx,
  input: { name: string; uscc: string; claimantName?: string; claimantPhone?: string },
): Promise<Claim> {
  const user = caller(ctx);
  if (user.enterpriseId) throw new DomainError('INVALID_TRANSITION', '您已绑定企业，如需更换请联系综合党委');
  const id = ctx.deps.newId();
  const outcome = await ctx.deps.repos.enterprises.insertClaim({
    id,
    enterpriseName: input.name,
    uscc: input.uscc,
    claimantName: input.claimantName ?? null,
    claimantPhone: input.claimantPhone ?? null,
    openid: user.openid,
    status: 'pending',
    reason: null,
    createdAt: ctx.now,
  });
  if (outcome === 'already-live') throw claimAlreadyLive();
  return toClaim((await ctx.deps.repos.enterprises.getClaim(id)) as ClaimRecord);
}

export async function myEnterprise(ctx: Ctx): Promise<MyEnterprise> {
  const user = caller(ctx);
  const claim = await ctx.deps.repos.enterprises.liveClaimOf(user.openid);
  const enterprise = user.enterpriseId ? await ctx.deps.repos.enterprises.get(user.enterpriseId) : null;
  return { claim: claim ? toClaim(claim) : null, enterprise: enterprise ? toEnterprise(enterprise) : null };
}

/** Unverified enterprises exist only for staff; a claimant sees theirs through enterprises.mine. */
export async function getEnterprise(ctx: Ctx, input: { id: string }): Promise<Enterprise> {
  const e = await ctx.deps.repos.enterprises.get(input.id);
  if (!e || (!e.verified && !isStaff(ctx.user))) throw notFound('企业');
  return toEnterprise(e);
}

export async function updateEnterprise(ctx: Ctx, input: { id: string } & Omit<EnterprisePatch, 'name' | 'verified'>): Promise<Enterprise> {
  const own = approvedEnterpriseOf(caller(ctx));
  if (own !== input.id) throw notFound('企业');
  const { id, ...patch } = input;
  if (patch.logo) assertImage(patch.logo);
  return toEnterprise(await ctx.deps.repos.enterprises.update(id, patch, ctx.now));
}

export async function listClaims(ctx: Ctx, input: { status?: string }): Promise<Claim[]> {
  return (await ctx.deps.repos.enterprises.listClaims(input.status)).map(toClaim);
}

export async function decideClaim(ctx: Ctx, input: { id: string; approve: boolean; reason?: string }): Promise<Claim> {
  const rule = decideClaimRule({
    approve: input.approve,
    reason: input.reason || null,
    by: caller(ctx).openid,
    newEnterpriseId: ctx.deps.newId(),
  });
  return toClaim(await ctx.deps.repos.enterprises.decideClaim(input.id, ctx.now, rule));
}

/** The bytes must be the image the type says: PNG or JPEG by their signatures. */
function assertImage(logo: { mime: string; data: string }): void {
  const bytes = Buffer.from(logo.data, 'base64');
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if ((logo.mime === 'image/png' && !png) || (logo.mime === 'image/jpeg' && !jpeg)) {
    throw new DomainError('INVALID_INPUT', '标志图片内容与格式不符，请重新选择 PNG 或 JPEG 图片', [
      { path: ['logo'], message: '图片内容与格式不符' },
    ]);
  }
}
