/** The seeded demo personas (DESIGN.md, "Local demo identity"). */
export const PERSONAS = [
  { openid: 'demo-worker', label: '新就业群体' },
  { openid: 'demo-hr', label: '企业人事' },
  { openid: 'demo-staff', label: '工作人员' },
  { openid: 'demo-admin', label: '管理员' },
] as const;
