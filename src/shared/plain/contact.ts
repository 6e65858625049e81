/**
 * The rules for the name, phone and openid people type, as plain functions: the zod schemas in common.ts and users.ts
 * are built from them, and forms in the mini-program's main package run them without carrying the schema library.
 */

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const PHONE_MESSAGE = '请输入 11 位手机号码';
export const PERSON_NAME_MAX = 20;
export const PERSON_NAME_MESSAGES = { missing: '请填写姓名', tooLong: `姓名最多 ${PERSON_NAME_MAX} 个字` } as const;
export const OPENID_PATTERN = /^[A-Za-z0-9_-]{3,64}$/;
export const OPENID_MESSAGE = '用户标识应为 3–64 位字母、数字、下划线或短横线';

export interface Contact {
  name: string;
  phone: string;
}

/** The contact trimmed, or a Chinese message per field that does not fit — the same answer the server's schema gives. */
export function checkContact(values: Contact): { ok: true; contact: Contact } | { ok: false; errors: Partial<Record<keyof Contact, string>> } {
  const contact = { name: values.name.trim(), phone: values.phone.trim() };
  const errors: Partial<Record<keyof Contact, string>> = {};
  if (!contact.name) errors.name = PERSON_NAME_MESSAGES.missing;
  else if (contact.name.length > PERSON_NAME_MAX) errors.name = PERSON_NAME_MESSAGES.tooLong;
  if (!PHONE_PATTERN.test(contact.phone)) errors.phone = PHONE_MESSAGE;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, contact };
}
