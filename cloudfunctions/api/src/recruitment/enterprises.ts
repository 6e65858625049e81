/** Enterprises are claimed by their HR contacts with name + 统一社会信用代码; staff approve before the contact acts for it. */
import type { Claim, Enterprise, MyEnterprise } from '@shared/recruitment';
import { caller, isStaff, type Ctx } from '../core/context';
import { DomainError, notFound } from '../core/errors';
import type { ClaimRecord, EnterprisePatch, EnterpriseRecord, UserRecord } from '../core/ports';
import { readLogo, type LogoMime } from './logo';
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

/** The HR contact keeps the profile; a new logo is stored as an image first and the enterprise keeps only its address. */
export async function updateEnterprise(
  ctx: Ctx,
  input: { id: string; logo?: { mime: LogoMime; data: string } | null } & Omit<EnterprisePatch, 'name' | 'verified' | 'logo'>,
): Promise<Enterprise> {
  const user = caller(ctx);
  if (approvedEnterpriseOf(user) !== input.id) throw notFound('企业');
  const { id, logo, ...fields } = input;
  const patch: EnterprisePatch = { ...fields };
  if (logo !== undefined) patch.logo = logo ? await storeLogo(ctx, readLogo(logo), user.openid) : null;
  const audit = { actor: user.openid, action: 'enterprise.update', recordType: 'enterprise', recordId: id, detail: describePatch(patch) };
  return toEnterprise(await ctx.deps.repos.enterprises.update(id, patch, ctx.now, audit));
}

async function storeLogo(ctx: Ctx, logo: { bytes: Uint8Array; mime: LogoMime }, owner: string): Promise<{ url: string }> {
  const images = ctx.deps.images;
  if (!images) throw new Error('a logo needs deps.images (an ImageStore); this entry was started without one');
  return images.put({ ...logo, owner, at: ctx.now });
}

/** Which fields changed, and where the logo now is: no personal data in the log. */
function describePatch(patch: EnterprisePatch): string {
  return Object.keys(patch)
    .map((key) => (key === 'logo' ? `logo: ${patch.logo ? patch.logo.url : 'removed'}` : key))
    .join(', ');
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
